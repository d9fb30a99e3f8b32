using System.Net;
using System.Text;
using Collab.Ot.Rich;

namespace Collab.Api.LessonPreps;

/// <summary>
/// A rich section as an HTML fragment: headings, paragraphs, lists, tables, inline formats, images, and formulas as
/// spans KaTeX's auto-render finds (the LaTeX between <c>\(</c> and <c>\)</c>), readable as LaTeX without it. Every
/// text and attribute is escaped; links and images keep safe addresses only.
/// </summary>
public static class RichHtml
{
    public static string Render(Delta document)
    {
        var html = new StringBuilder();
        foreach (var block in RichLines.Blocks(document))
        {
            switch (block.Kind)
            {
                case RichBlockKind.OrderedList:
                case RichBlockKind.BulletList:
                    var tag = block.Kind == RichBlockKind.OrderedList ? "ol" : "ul";
                    html.Append('<').Append(tag).Append(">\n");
                    foreach (var line in block.Lines)
                    {
                        html.Append(line.Format("list") switch
                        {
                            "checked" => "<li class=\"checked\">☑ ",
                            "unchecked" => "<li class=\"unchecked\">☐ ",
                            _ => "<li>",
                        });
                        Inline(html, line);
                        html.Append("</li>\n");
                    }
                    html.Append("</").Append(tag).Append(">\n");
                    break;
                case RichBlockKind.Table:
                    html.Append("<table>\n");
                    foreach (var row in block.Rows())
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                        {
                            html.Append("<td>");
                            Inline(html, cell);
                            html.Append("</td>");
                        }
                        html.Append("</tr>\n");
                    }
                    html.Append("</table>\n");
                    break;
                default:
                    var paragraph = block.Lines[0];
                    var element = paragraph.HeaderLevel > 0 ? $"h{paragraph.HeaderLevel}" : "p";
                    html.Append('<').Append(element).Append('>');
                    if (paragraph.Runs.Count == 0)
                    {
                        html.Append("<br>");
                    }
                    Inline(html, paragraph);
                    html.Append("</").Append(element).Append(">\n");
                    break;
            }
        }
        return html.ToString();
    }

    private static void Inline(StringBuilder html, RichLine line) =>
        RichInlineFormats.Nest(line.Runs,
            format => html.Append(format.Key switch
            {
                "link" => $"<a href=\"{Encode(format.Value)}\" rel=\"noopener noreferrer\">",
                "bold" => "<strong>",
                "italic" => "<em>",
                "underline" => "<u>",
                _ => $"<span style=\"color:{format.Value}\">",
            }),
            format => html.Append(format.Key switch
            {
                "link" => "</a>",
                "bold" => "</strong>",
                "italic" => "</em>",
                "underline" => "</u>",
                _ => "</span>",
            }),
            run => Content(html, run));

    private static void Content(StringBuilder html, RichRun run)
    {
        switch (run.Embed)
        {
            case null:
                html.Append(Encode(run.Text!));
                break;
            case { Type: "formula" } formula:
                html.Append("<span class=\"formula\" data-latex=\"").Append(Encode(formula.Value)).Append("\">\\(")
                    .Append(Encode(formula.Value)).Append("\\)</span>");
                break;
            case { Type: "image" } image when RichInlineFormats.IsSafeImage(image.Value):
                html.Append("<img src=\"").Append(Encode(image.Value)).Append("\" alt=\"\">");
                break;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
