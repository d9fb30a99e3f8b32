using System.Globalization;
using System.Net;
using System.Text;
using Collab.Grains.Interfaces.Observations;

namespace Collab.Api.Observations;

/// <summary>The report as a self-contained page to print or file (评课报告); every piece of user text is HTML-encoded.</summary>
public static class ObservationReportPage
{
    public static string Html(ObservationReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Joined("评课报告", report.Title))
            .Append("</title>\n<style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto;line-height:1.6}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}")
            .Append(".meta{color:#555}.total{font-size:1.4rem}.text{white-space:pre-wrap}@media print{body{margin:0}}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(report.Title)).Append("</h1>\n<p class=\"meta\">")
            .Append(Joined($"授课教师 {report.TeacherName}", report.Subject, report.Grade, $"{Time(report.StartedAt)} – {Time(report.EndedAt)}"))
            .Append("</p>\n<p class=\"meta\">")
            .Append(Encode(report.Final ? $"报告已定稿 {Time(report.FinalizedAt)}" : "报告未定稿，评分仍可修改"))
            .Append("</p>\n");

        html.Append("<h2>综合评分</h2>\n<p class=\"total\">")
            .Append(Encode(report.RatingCount == 0 ? "暂无评分" : $"{Number(report.WeightedTotal)} / 100（{report.RatingCount} 位评课教师）"))
            .Append("</p>\n<table>\n<tr><th>评价项目</th><th>权重</th><th>平均分 (1–5)</th><th>最低</th><th>最高</th><th>标准差</th></tr>\n");
        foreach (var dimension in report.Dimensions)
        {
            html.Append("<tr><td>").Append(Encode(dimension.Name)).Append("</td><td>").Append(dimension.Weight)
                .Append("</td><td>").Append(Number(dimension.Mean)).Append("</td><td>").Append(dimension.Min?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td>").Append(dimension.Max?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td>").Append(Number(dimension.StdDev)).Append("</td></tr>\n");
        }
        html.Append("</table>\n");

        html.Append("<h2>听课记录</h2>\n<table>\n<tr><th>时间</th><th>记录人</th><th>内容</th></tr>\n");
        foreach (var note in report.Notes)
        {
            html.Append("<tr><td>").Append(Offset(note.OffsetSeconds)).Append("</td><td>").Append(Encode(note.Name))
                .Append("</td><td class=\"text\">").Append(Encode(note.Text)).Append("</td></tr>\n");
        }
        html.Append("</table>\n");

        html.Append("<h2>评语</h2>\n");
        foreach (var comment in report.Comments)
        {
            html.Append("<p><strong>").Append(Encode(comment.Name)).Append("</strong> <span class=\"meta\">")
                .Append(Joined(comment.School, comment.County)).Append("</span></p>\n<p class=\"text\">")
                .Append(Encode(comment.Text)).Append("</p>\n");
        }

        html.Append("<h2>听课教师</h2>\n<p>").Append(Encode($"共 {report.ObserverCount} 人")).Append("</p>\n<table>\n<tr><th>区县</th><th>人数</th></tr>\n");
        foreach (var (county, count) in report.ObserversByCounty)
        {
            html.Append("<tr><td>").Append(Encode(county)).Append("</td><td>").Append(count).Append("</td></tr>\n");
        }
        return html.Append("</table>\n</body>\n</html>\n").ToString();
    }

    /// <summary>A lesson offset as m:ss (a lesson is under an hour or two).</summary>
    public static string Offset(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    private static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "–";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Parts joined by a middle dot, which stays a readable character instead of an entity.</summary>
    private static string Joined(params string[] parts) => string.Join(" · ", parts.Select(Encode));
}
