using System.Net;
using System.Text;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Ot.Rich;

namespace Collab.Api.LessonPreps;

/// <summary>A plan as a document to print or paste elsewhere: Markdown, or a self-contained HTML page.</summary>
public static class LessonPlanExport
{
    public static string Markdown(LessonPrepView plan)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(plan.Title).AppendLine();
        text.Append("- ").Append(plan.Subject).Append(" · ").Append(plan.Grade).Append(" · ").Append(plan.Phase)
            .Append(" · revision ").Append(plan.Revision).AppendLine().AppendLine();
        foreach (var section in plan.Sections)
        {
            text.Append("## ").AppendLine(section.Title).AppendLine();
            var body = section.IsRich ? RichMarkdown.Render(Content(section)) : section.Text;
            if (body.Trim().Length > 0)
            {
                text.AppendLine(body.TrimEnd()).AppendLine();
            }
        }
        return text.ToString();
    }

    public static string Html(LessonPrepView plan)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(plan.Title))
            .Append("</title>\n<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.6}")
            .Append("h2{border-bottom:1px solid #ccc}.meta{color:#555}.text{white-space:pre-wrap}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(plan.Title)).Append("</h1>\n<p class=\"meta\">")
            .Append(Encode($"{plan.Subject} · {plan.Grade} · {plan.Phase} · revision {plan.Revision}")).Append("</p>\n");
        foreach (var section in plan.Sections)
        {
            html.Append("<h2>").Append(Encode(section.Title)).Append("</h2>\n");
            if (section.IsRich)
            {
                html.Append("<div class=\"rich\">").Append(RichHtml.Render(Content(section))).Append("</div>\n");
            }
            else
            {
                html.Append("<div class=\"text\">").Append(Encode(section.Text)).Append("</div>\n");
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static Delta Content(LessonSectionView section) => Delta.Parse(section.Content ?? "[]");
}
