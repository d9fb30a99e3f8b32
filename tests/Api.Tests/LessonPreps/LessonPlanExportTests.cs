using Collab.Grains.Interfaces.LessonPreps;
using Collab.Api.LessonPreps;

namespace Collab.Api.Tests.LessonPreps;

public sealed class LessonPlanExportTests
{
    private static readonly LessonPrepView Plan = new("lp-1", "g-1", "《背影》<第一课时>", "chinese", "8", "finalized", "t-1", 12,
    [
        new LessonSectionView("objectives", "教学目标", "体会父爱 & 朴实的语言\n第二行", null),
        new LessonSectionView("homework", "作业布置", "", null),
    ]);

    [Fact]
    public void Markdown_has_the_title_and_every_section_in_order()
    {
        var markdown = LessonPlanExport.Markdown(Plan);
        Assert.StartsWith("# 《背影》<第一课时>\n", markdown.Replace("\r\n", "\n"));
        var objectives = markdown.IndexOf("## 教学目标", StringComparison.Ordinal);
        var homework = markdown.IndexOf("## 作业布置", StringComparison.Ordinal);
        Assert.True(objectives > 0 && homework > objectives);
        Assert.Contains("体会父爱 & 朴实的语言", markdown);
    }

    [Fact]
    public void Html_escapes_the_teachers_text()
    {
        var html = LessonPlanExport.Html(Plan);
        Assert.Contains("<title>《背影》&lt;第一课时&gt;</title>", html);
        Assert.Contains("体会父爱 &amp; 朴实的语言", html);
        Assert.DoesNotContain("<第一课时>", html);
        Assert.Contains("<h2>作业布置</h2>", html);
    }
}
