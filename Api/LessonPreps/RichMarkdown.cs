using System.Text;
using Collab.Ot.Rich;

namespace Collab.Api.LessonPreps;

/// <summary>
/// A rich section as Markdown (CommonMark with GitHub's tables and task lists): headings, lists, tables, bold, italic,
/// links, images, formulas as <c>$…$</c>. Underline has no Markdown and is written as <c>&lt;u&gt;</c>; colour is left
/// out. Text is escaped so that it never turns into markup.
/// </summary>
public static class RichMarkdown
{
    public static string Render(Delta document)
    {
        var markdown = new StringBuilder();
        foreach (var block in RichLines.Blocks(document))
        {
            switch (block.Kind)
            {
                case RichBlockKind.OrderedList:
                case RichBlockKind.BulletList:
                    var number = 1;
                    foreach (var line in block.Lines)
                    {
                        markdown.Append(line.Format("list") switch
                        {
                            "ordered" => $"{number++}. ",
                            "checked" => "- [x] ",
                            "unchecked" => "- [ ] ",
                            _ => "- ",
                        });
                        markdown.Append(Inline(line, inTable: false)).Append('\n');
                    }
                    break;
                case RichBlockKind.Table:
                    var rows = block.Rows().ToList();
                    var columns = rows.Max(row => row.Count);
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var cells = rows[i].Select(cell => Inline(cell, inTable: true)).Concat(Enumerable.Repeat("", columns - rows[i].Count));
                        markdown.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
                        // GitHub's tables need a header row: the first row of the teaching-process table is its header.
                        if (i == 0)
                        {
                            markdown.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns))).Append('\n');
                        }
                    }
                    break;
                default:
                    var paragraph = block.Lines[0];
                    if (paragraph.HeaderLevel > 0)
                    {
                        markdown.Append('#', paragraph.HeaderLevel).Append(' ');
                    }
                    markdown.Append(Inline(paragraph, inTable: false)).Append('\n');
                    break;
            }
            markdown.Append('\n');
        }
        return markdown.ToString().TrimEnd('\n') + (markdown.Length > 0 ? "\n" : "");
    }

    private static string Inline(RichLine line, bool inTable)
    {
        var text = new StringBuilder();
        RichInlineFormats.Nest(line.Runs,
            format => text.Append(format.Key switch
            {
                "link" => "[",
                "bold" => "**",
                "italic" => "*",
                "underline" => "<u>",
                _ => "",
            }),
            format => text.Append(format.Key switch
            {
                "link" => $"]({Destination(format.Value)})",
                "bold" => "**",
                "italic" => "*",
                "underline" => "</u>",
                _ => "",
            }),
            run => text.Append(run.Embed switch
            {
                null => Escape(run.Text!, inTable),
                { Type: "formula" } formula => Formula(formula.Value, inTable),
                { Type: "image" } image when RichInlineFormats.IsSafeImage(image.Value) => $"![]({Destination(image.Value)})",
                _ => "",
            }));
        return EscapeLineStart(text.ToString());
    }

    /// <summary>LaTeX between dollars; in a table a bar would end the cell, so it is escaped there only (elsewhere <c>\|</c> is LaTeX's norm).</summary>
    private static string Formula(string latex, bool inTable)
    {
        var escaped = latex.Replace("$", "\\$", StringComparison.Ordinal);
        return "$" + (inTable ? escaped.Replace("|", "\\|", StringComparison.Ordinal) : escaped) + "$";
    }

    /// <summary>Backslash-escapes every ASCII punctuation character Markdown could read as markup.</summary>
    private static string Escape(string text, bool inTable)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '$' or '~' or '!' or '&')
            {
                escaped.Append('\\');
            }
            escaped.Append(c == '\t' && inTable ? ' ' : c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// A line that would start a heading, a list, a quote or a rule as written starts with an escape instead; leading
    /// spaces are written as character references, which keep the indent but never make a code block.
    /// </summary>
    private static string EscapeLineStart(string line)
    {
        var trimmed = line.TrimStart(' ');
        var indent = string.Concat(Enumerable.Repeat("&#32;", line.Length - trimmed.Length));
        if (trimmed.Length > 0 && trimmed[0] is '#' or '-' or '+' or '=')
        {
            return indent + "\\" + trimmed;
        }
        var digits = trimmed.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')')
        {
            return indent + trimmed.Insert(digits, "\\");
        }
        return indent + trimmed;
    }

    /// <summary>A link destination in angle brackets, so spaces and parentheses in it cannot end it early.</summary>
    private static string Destination(string url) => "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">";
}
