using Collab.Grains.Interfaces.Observations;
using Collab.Api.Observations;

namespace Collab.Api.Tests.Observations;

public sealed class ObservationReportPageTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static ObservationReport Report(string title, string noteText, string comment) => new(
        "ob-1", "g-1", title, "数学", "七年级", "t-1", "王<老师>", ObservationStatuses.Finalized, true,
        Started, Started.AddMinutes(40), 2, 72.5,
        [new DimensionAggregate("a", "目标 & 达成", 60, 3.5, 3, 4, 0.5), new DimensionAggregate("b", "方法", 40, 3.75, 3, 5, 0.83)],
        [new ReportNote("n1", "o-1", "李老师", noteText, Started.AddSeconds(754), 754)],
        [new ReportComment("o-2", "赵老师", "二中", "东城区", comment, Started.AddMinutes(41))],
        new SortedDictionary<string, int> { ["东城区"] = 1, ["西城区"] = 1 }, 2, Started.AddMinutes(45));

    [Fact]
    public void Every_piece_of_teachers_text_is_html_encoded()
    {
        var html = ObservationReportPage.Html(Report("<script>alert(1)</script>", "a<b>&\"c\"", "<img src=x onerror=alert(2)>"));

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("a&lt;b&gt;&amp;&quot;c&quot;", html);
        Assert.Contains("王&lt;老师&gt;", html);
        Assert.Contains("目标 &amp; 达成", html);
    }

    [Fact]
    public void The_page_shows_the_total_the_dimensions_the_timeline_the_comments_and_the_counties()
    {
        var html = ObservationReportPage.Html(Report("《一元一次方程》", "导入自然，联系生活", "整体设计合理"));

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("72.5 / 100（2 位评课教师）", html);
        Assert.Contains("<td>方法</td><td>40</td><td>3.75</td><td>3</td><td>5</td><td>0.83</td>", html);
        Assert.Contains("<td>12:34</td><td>李老师</td><td class=\"text\">导入自然，联系生活</td>", html);
        Assert.Contains("整体设计合理", html);
        Assert.Contains("二中 · 东城区", html);
        Assert.Contains("<td>西城区</td><td>1</td>", html);
        Assert.Contains("报告已定稿", html);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(59, "0:59")]
    [InlineData(754, "12:34")]
    [InlineData(3725, "62:05")]
    public void Offsets_print_as_minutes_and_seconds(int seconds, string printed)
    {
        Assert.Equal(printed, ObservationReportPage.Offset(seconds));
    }
}
