using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot.Rich;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Collab.Api.Attachments;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using OfficeMath = DocumentFormat.OpenXml.Math;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Collab.Api.LessonPreps;

/// <summary>
/// A plan as the Word document schools check (PROTOCOL §9): the title, each section under a heading Word's navigation
/// lists, rich sections with their headings, lists, tables, inline formats and links, and formulas as Office Math.
/// </summary>
/// <remarks>
/// A formula is written as one Office Math zone holding its LaTeX as linear text: Word shows it as an equation and
/// turns it into a built-up one with "Professional"; converting LaTeX to built-up OMML here would need a TeX parser.
/// An image embed whose attachment the exporter may read (<see cref="DocxImages"/>) is embedded as an image part at its
/// pixel size at 96 dpi, narrowed to the text width when wider; any other image is a placeholder.
/// </remarks>
public static class LessonPlanDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The width between the margins (A4, 1440-twip margins) in EMU, 635 to a twip.</summary>
    private const long TextWidthEmu = (11906 - 2 * 1440) * 635L;

    private const long EmuPerPixel = 9525;

    public static byte[] Render(LessonPrepView plan, IReadOnlyDictionary<string, DocxImage>? images = null)
    {
        var embedded = images ?? new Dictionary<string, DocxImage>();
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var body = new Body();
            body.Append(Paragraph("Title", new Run(new Text(plan.Title))));
            body.Append(Paragraph(null, new Run(new Text($"{plan.Subject} · {plan.Grade} · {plan.Phase} · revision {plan.Revision}"))));
            foreach (var section in plan.Sections)
            {
                body.Append(Paragraph("Heading1", new Run(new Text(section.Title))));
                if (section.IsRich)
                {
                    AppendRich(body, main, Delta.Parse(section.Content ?? "[]"), embedded);
                }
                else
                {
                    foreach (var line in section.Text.Split('\n'))
                    {
                        body.Append(Paragraph(null, new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
                    }
                }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static void AppendRich(Body body, MainDocumentPart main, Delta content, IReadOnlyDictionary<string, DocxImage> images)
    {
        foreach (var block in RichLines.Blocks(content))
        {
            switch (block.Kind)
            {
                case RichBlockKind.Table:
                    body.Append(Table(main, block, images));
                    break;
                case RichBlockKind.OrderedList:
                    var number = 0;
                    foreach (var line in block.Lines)
                    {
                        body.Append(Line(main, line, $"{++number}. ", images));
                    }
                    break;
                case RichBlockKind.BulletList:
                    foreach (var line in block.Lines)
                    {
                        body.Append(Line(main, line, line.Format("list") switch { "checked" => "☑ ", "unchecked" => "☐ ", _ => "• " }, images));
                    }
                    break;
                default:
                    body.Append(Line(main, block.Lines[0], "", images));
                    break;
            }
        }
    }

    /// <summary>A line as a paragraph; a heading in a section sits one level under the section's own heading.</summary>
    private static Paragraph Line(MainDocumentPart main, RichLine line, string marker, IReadOnlyDictionary<string, DocxImage> images)
    {
        var style = line.HeaderLevel > 0 ? $"Heading{Math.Min(6, line.HeaderLevel + 1)}" : null;
        var paragraph = Paragraph(style);
        if (marker.Length > 0)
        {
            paragraph.Append(new Run(new Text(marker) { Space = SpaceProcessingModeValues.Preserve }));
        }
        foreach (var run in line.Runs)
        {
            paragraph.Append(Content(main, run, images));
        }
        return paragraph;
    }

    private static Table Table(MainDocumentPart main, RichBlock block, IReadOnlyDictionary<string, DocxImage> images)
    {
        // The schema fixes the order: the width before the borders, and the borders top, left, bottom, right, inside.
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var rows = block.Rows().ToList();
        var columns = rows.Max(row => row.Count);
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (9000 / columns).ToString() })));
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            foreach (var cell in row)
            {
                tableRow.Append(new TableCell(Line(main, cell, "", images)));
            }
            table.Append(tableRow);
        }
        return table;
    }

    private static OpenXmlElement Content(MainDocumentPart main, RichRun run, IReadOnlyDictionary<string, DocxImage> images)
    {
        if (run.Embed is { } embed)
        {
            if (embed.Type == "formula")
            {
                return new OfficeMath.OfficeMath(new OfficeMath.Run(new OfficeMath.Text(embed.Value)));
            }
            return embed.Type == "image" && images.TryGetValue(embed.Value, out var image)
                ? Picture(main, image)
                : new Run(new RunProperties(new Italic()), new Text("[图片]"));
        }
        var properties = new RunProperties();
        string? link = null;
        foreach (var (key, value) in RichInlineFormats.Of(run.Formats))
        {
            switch (key)
            {
                case "bold":
                    properties.Append(new Bold());
                    break;
                case "italic":
                    properties.Append(new Italic());
                    break;
                case "underline":
                    properties.Append(new Underline { Val = UnderlineValues.Single });
                    break;
                case "color":
                    properties.Append(new Color { Val = Hex(value) });
                    break;
                case "link":
                    link = value;
                    break;
            }
        }
        var text = new Run(properties, new Text(run.Text ?? "") { Space = SpaceProcessingModeValues.Preserve });
        if (link is null || !Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var target))
        {
            return text;
        }
        var relationship = main.AddHyperlinkRelationship(target, target.IsAbsoluteUri);
        return new Hyperlink(text) { Id = relationship.Id };
    }

    /// <summary>An inline picture of an image part; each picture's drawing id is the number of image parts so far, unique in the document.</summary>
    private static Run Picture(MainDocumentPart main, DocxImage image)
    {
        var part = main.AddImagePart(image.ContentType switch
        {
            AttachmentTypes.Jpeg => ImagePartType.Jpeg,
            AttachmentTypes.Gif => ImagePartType.Gif,
            _ => ImagePartType.Png,
        });
        using (var bytes = new MemoryStream(image.Bytes))
        {
            part.FeedData(bytes);
        }
        var relationship = main.GetIdOfPart(part);
        var id = (uint)main.ImageParts.Count();
        var width = image.WidthPixels * EmuPerPixel;
        var height = image.HeightPixels * EmuPerPixel;
        if (width > TextWidthEmu)
        {
            height = height * TextWidthEmu / width;
            width = TextWidthEmu;
        }
        var name = $"image{id}";
        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = name }, new Pic.NonVisualPictureDrawingProperties()),
            new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Run(new Drawing(inline));
    }

    /// <summary>Word takes six hex digits without the sign; a three-digit colour doubles each.</summary>
    private static string Hex(string color) =>
        color.Length == 4 ? string.Concat(color[1..].Select(c => $"{c}{c}")).ToUpperInvariant() : color[1..].ToUpperInvariant();

    private static Paragraph Paragraph(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(content);
        return paragraph;
    }

    private static Styles Styles()
    {
        var styles = new Styles(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        });
        styles.Append(Heading("Title", "Title", 44, outline: null));
        for (var level = 1; level <= 6; level++)
        {
            styles.Append(Heading($"Heading{level}", $"heading {level}", 36 - 4 * level, level - 1));
        }
        return styles;
    }

    /// <summary>A heading style; its outline level is what puts it in Word's navigation pane and table of contents.</summary>
    private static Style Heading(string id, string name, int halfPoints, int? outline)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }
        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(), paragraph, new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString() }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
