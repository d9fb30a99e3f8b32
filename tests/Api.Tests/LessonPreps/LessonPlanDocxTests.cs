using Collab.Api.LessonPreps;
using Collab.Api.Tests.Attachments;
using Collab.Grains.Interfaces.LessonPreps;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using OfficeMath = DocumentFormat.OpenXml.Math;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>The Word export read back with the Open XML SDK: what a school's checker opens in Word.</summary>
public sealed class LessonPlanDocxTests
{
    private const string Process = """
        [{"insert":"实验探究"},{"insert":"\n","attributes":{"header":1}},
         {"insert":"浮力","attributes":{"bold":true}},{"insert":"与"},{"insert":"排开液体","attributes":{"color":"#e60000","italic":true}},
         {"insert":"有关，见"},{"insert":"课本","attributes":{"link":"https://example.org/book"}},{"insert":"\n"},
         {"insert":"提出问题"},{"insert":"\n","attributes":{"list":"ordered"}},{"insert":"设计实验"},{"insert":"\n","attributes":{"list":"ordered"}},
         {"insert":"教师活动"},{"insert":"\n","attributes":{"table":"row-1"}},{"insert":"学生活动"},{"insert":"\n","attributes":{"table":"row-1"}},
         {"insert":"演示"},{"insert":"\n","attributes":{"table":"row-2"}},{"insert":"观察"},{"insert":"\n","attributes":{"table":"row-2"}},
         {"insert":{"formula":"F=\\rho g V"}},{"insert":{"image":"/api/files/f-1"}},{"insert":"\n"}]
        """;

    private static readonly LessonPrepView Plan = new("lp-1", "g-1", "《浮力》第一课时", "physics", "8", "finalized", "t-1", 12,
    [
        new LessonSectionView("objectives", "教学目标", "理解浮力\n会用阿基米德原理", null, SectionFormats.Text),
        new LessonSectionView("process", "教学过程", "", null, SectionFormats.Rich, Process),
    ]);

    private static (WordprocessingDocument Document, Body Body) Open(IReadOnlyDictionary<string, DocxImage>? images = null)
    {
        var document = WordprocessingDocument.Open(new MemoryStream(LessonPlanDocx.Render(Plan, images)), false);
        return (document, document.MainDocumentPart!.Document.Body!);
    }

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [Fact]
    public void The_document_is_valid_office_open_xml()
    {
        var (document, _) = Open();
        using var _ = document;

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document).Select(error => $"{error.Path?.XPath}: {error.Description}"));
    }

    [Fact]
    public void The_title_and_each_section_are_headings_word_lists_in_its_navigation()
    {
        var (document, body) = Open();
        using var _ = document;
        var paragraphs = body.Elements<Paragraph>().ToList();

        Assert.Equal(("Title", "《浮力》第一课时"), (StyleOf(paragraphs[0]), paragraphs[0].InnerText));
        Assert.Equal(["教学目标", "教学过程"], paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText));
        Assert.Equal("实验探究", Assert.Single(paragraphs, p => StyleOf(p) == "Heading2").InnerText);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Contains(paragraphs, p => p.InnerText == "理解浮力");
        Assert.Contains(paragraphs, p => p.InnerText == "会用阿基米德原理");
    }

    [Fact]
    public void Inline_formats_links_lists_tables_and_formulas_come_through()
    {
        var (document, body) = Open();
        using var _ = document;
        var runs = body.Descendants<Run>().ToList();

        Assert.NotNull(runs.Single(r => r.InnerText == "浮力" && r.RunProperties?.Bold is not null));
        var coloured = runs.Single(r => r.InnerText == "排开液体");
        Assert.Equal("E60000", coloured.RunProperties!.Color!.Val!.Value);
        Assert.NotNull(coloured.RunProperties.Italic);
        var link = Assert.Single(body.Descendants<Hyperlink>());
        Assert.Equal("课本", link.InnerText);
        Assert.Equal(new Uri("https://example.org/book"), document.MainDocumentPart!.HyperlinkRelationships.Single(r => r.Id == link.Id).Uri);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "1. 提出问题");
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "2. 设计实验");

        var table = Assert.Single(body.Elements<Table>());
        Assert.Equal([["教师活动", "学生活动"], ["演示", "观察"]],
            table.Elements<TableRow>().Select(row => row.Elements<TableCell>().Select(cell => cell.InnerText).ToArray()).ToArray());
        Assert.Equal("F=\\rho g V", Assert.Single(body.Descendants<OfficeMath.OfficeMath>()).InnerText);
        Assert.Contains(runs, r => r.InnerText == "[图片]");
    }

    [Theory]
    [InlineData(4000, 1000)]
    [InlineData(200, 100)]
    public void A_readable_attachments_image_is_embedded_narrowed_to_the_text_width_and_the_document_stays_valid(int width, int height)
    {
        var png = SampleFiles.Png(width, height);
        var (document, body) = Open(new Dictionary<string, DocxImage> { ["/api/files/f-1"] = new(png, "image/png", width, height) });
        using var _ = document;

        var part = Assert.Single(document.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", part.ContentType);
        using (var stored = part.GetStream())
        using (var copy = new MemoryStream())
        {
            stored.CopyTo(copy);
            Assert.Equal(png, copy.ToArray());
        }
        var inline = Assert.Single(body.Descendants<DW.Inline>());
        Assert.Equal(document.MainDocumentPart.GetIdOfPart(part), Assert.Single(inline.Descendants<DocumentFormat.OpenXml.Drawing.Blip>()).Embed!.Value);
        const long textWidth = (11906 - 2 * 1440) * 635L;
        var expectedWidth = Math.Min(width * 9525L, textWidth);
        Assert.Equal(expectedWidth, inline.Extent!.Cx!.Value);
        Assert.Equal(expectedWidth * height / width, inline.Extent.Cy!.Value);
        Assert.DoesNotContain(body.Descendants<Run>(), r => r.InnerText == "[图片]");
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document).Select(error => $"{error.Path?.XPath}: {error.Description}"));
    }

    [Fact]
    public void An_image_the_exporter_may_not_read_stays_a_placeholder()
    {
        var (document, body) = Open(new Dictionary<string, DocxImage> { ["/api/files/f-other"] = new(SampleFiles.Png(), "image/png", 4, 3) });
        using var _ = document;

        Assert.Empty(document.MainDocumentPart!.ImageParts);
        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "[图片]");
    }
}
