using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot.Rich;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OfficeMath = DocumentFormat.OpenXml.Math;

namespace Collab.Api.LessonPreps;

/// <summary>
/// A plan as the Word document schools check (PROTOCOL §9): the title, each section under a heading Word's navigation
/// lists, rich sections with their headings, lists, tables, inline formats and links, and formulas as Office Math.
/// </summary>
/// <remarks>
/// A formula is written as one Office Math zone holding its LaTeX as linear text: Word shows it as an equation and
/// turns it into a built-up one with "Professional"; converting LaTeX to built-up OMML here would need a TeX parser.
/// Images are attachments, which are not stored yet, so an image is a placeholder line.
/// </remarks>
public static class LessonPlanDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Render(LessonPrepView plan)
    {
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
                    AppendRich(body, main, Delta.Parse(section.Content ?? "[]"));
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

    private static void AppendRich(Body body, MainDocumentPart main, Delta content)
    {
        foreach (var block in RichLines.Blocks(content))
        {
            switch (block.Kind)
            {
                case RichBlockKind.Table:
                    body.Append(Table(main, block));
                    break;
                case RichBlockKind.OrderedList:
                    var number = 0;
                    foreach (var line in block.Lines)
                    {
                        body.Append(Line(main, line, $"{++number}. "));
                    }
                    break;
                case RichBlockKind.BulletList:
                    foreach (var line in block.Lines)
                    {
                        body.Append(Line(main, line, line.Format("list") switch { "checked" => "☑ ", "unchecked" => "☐ ", _ => "• " }));
                    }
                    break;
                default:
                    body.Append(Line(main, block.Lines[0], ""));
                    break;
            }
        }
    }

    /// <summary>A line as a paragraph; a heading in a section sits one level under the section's own heading.</summary>
    private static Paragraph Line(MainDocumentPart main, RichLine line, string marker)
    {
        var style = line.HeaderLevel > 0 ? $"Heading{Math.Min(6, line.HeaderLevel + 1)}" : null;
        var paragraph = Paragraph(style);
        if (marker.Length > 0)
        {
            paragraph.Append(new Run(new Text(marker) { Space = SpaceProcessingModeValues.Preserve }));
        }
        foreach (var run in line.Runs)
        {
            paragraph.Append(Content(main, run));
        }
        return paragraph;
    }

    private static Table Table(MainDocumentPart main, RichBlock block)
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
                tableRow.Append(new TableCell(Line(main, cell, "")));
            }
            table.Append(tableRow);
        }
        return table;
    }

    private static OpenXmlElement Content(MainDocumentPart main, RichRun run)
    {
        if (run.Embed is { } embed)
        {
            return embed.Type == "formula"
                ? new OfficeMath.OfficeMath(new OfficeMath.Run(new OfficeMath.Text(embed.Value)))
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
