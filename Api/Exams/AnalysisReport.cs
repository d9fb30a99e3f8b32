using System.Globalization;
using System.Net;
using System.Text;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Api.Exams;

/// <summary>
/// The analysis as one printable HTML page, labelled in Chinese and English: the summary, any key changes that
/// regraded the exam, the results by school, county, class and (when rooms are set) room, and the item analysis.
/// Every piece of user text is HTML-encoded; the page has no script.
/// </summary>
public static class AnalysisReport
{
    private static readonly (string Dimension, string Label)[] Dimensions =
    [
        (AnalysisDimensions.School, "按学校 By school"),
        (AnalysisDimensions.County, "按区县 By county"),
        (AnalysisDimensions.Class, "按班级 By class"),
        (AnalysisDimensions.Room, "按考场 By room"),
    ];

    public static string Render(ExamAnalysis analysis)
    {
        var html = new StringBuilder();
        var results = analysis.Results;
        var submitted = results.Students.Count(s => s.Status == AttemptStatuses.Submitted);
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(analysis.Title)).Append(" · 成绩分析 Analysis</title><style>")
            .Append("body{font:14px/1.5 system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:0 0 1.5em}")
            .Append("th,td{border:1px solid #999;padding:2px 8px;text-align:right}th:first-child,td:first-child,td.text{text-align:left}")
            .Append("h2{margin-top:1.5em;break-after:avoid}.regrade{border:1px solid #b60;padding:4px 8px}")
            .Append("@media print{body{margin:0}table{page-break-inside:auto}tr{break-inside:avoid}}</style></head><body>")
            .Append("<h1>").Append(E(analysis.Title)).Append(" · 成绩分析 Analysis</h1>")
            .Append("<p>").Append(E(analysis.Subject)).Append(" · 应考 Rostered ").Append(results.Students.Count)
            .Append(" · 交卷 Submitted ").Append(submitted)
            .Append(" · 平均分 Mean ").Append(N(results.Stats.Mean)).Append(" · 中位数 Median ").Append(N(results.Stats.Median)).Append("</p>");
        foreach (var regrade in results.Regrades)
        {
            html.Append("<p class=\"regrade\" data-regrade>已重新评分 Regraded: ").Append(E(regrade.QuestionId)).Append(" · ")
                .Append(regrade.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append(" · ")
                .Append(E(regrade.By)).Append(" · ").Append(E(regrade.Reason)).Append("</p>");
        }
        foreach (var (dimension, label) in Dimensions)
        {
            var groups = analysis.Groups.GetValueOrDefault(dimension) ?? [];
            if (dimension == AnalysisDimensions.Room && groups.All(g => g.Key.Length == 0))
            {
                continue;
            }
            html.Append("<h2>").Append(label).Append("</h2><table data-dimension=\"").Append(dimension).Append("\"><thead><tr>")
                .Append("<th>名称 Name</th><th>人数 Count</th><th>交卷 Submitted</th><th>平均 Mean</th><th>中位数 Median</th><th>最高 Max</th><th>最低 Min</th>")
                .Append("</tr></thead><tbody>");
            foreach (var group in groups)
            {
                html.Append("<tr><td>").Append(group.Key.Length == 0 ? "未登记 Unplaced" : E(group.Name)).Append("</td><td>").Append(group.Count)
                    .Append("</td><td>").Append(group.Submitted).Append("</td><td>").Append(N(group.Mean)).Append("</td><td>").Append(N(group.Median))
                    .Append("</td><td>").Append(N(group.Max)).Append("</td><td>").Append(N(group.Min)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("<h2>题目分析 Item analysis</h2><table data-items><thead><tr><th>题 Question</th><th>题型 Kind</th><th>分值 Points</th>")
            .Append("<th>作答 Answered</th><th>难度 Difficulty</th><th>区分度 Discrimination</th><th>选项 Options</th></tr></thead><tbody>");
        foreach (var item in analysis.Items)
        {
            html.Append("<tr><td>").Append(E(item.QuestionId)).Append("</td><td class=\"text\">").Append(E(item.Kind)).Append("</td><td>")
                .Append(N(item.MaxPoints)).Append("</td><td>").Append(item.Answered).Append("</td><td>").Append(N(item.Difficulty))
                .Append("</td><td>").Append(N(item.Discrimination)).Append("</td><td class=\"text\">")
                .Append(item.OptionCounts is { } counts ? E(string.Join(" ", counts.Select(c => $"{c.Key}:{c.Value}"))) : "")
                .Append("</td></tr>");
        }
        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string N(decimal? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
