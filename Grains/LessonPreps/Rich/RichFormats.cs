using System.Text.Json;
using System.Text.RegularExpressions;
using Collab.Grains.Interfaces.Common;
using Collab.Ot.Rich;

namespace Collab.Grains.LessonPreps.Rich;

/// <summary>
/// The formats and embeds a rich section may hold (PROTOCOL §9): what the editor offers and the exports render, and
/// nothing else, so a crafted change cannot smuggle markup, scripts or huge data into a plan.
/// </summary>
/// <remarks>
/// Inline formats (bold, italic, underline, color, link) go on any insert; line formats (header, list, table, Quill's
/// way of formatting a paragraph, a list item or a table cell) only on line breaks, where Quill keeps them. A null,
/// which removes a format, only makes sense on a retain.
/// </remarks>
public static partial class RichFormats
{
    private static readonly HashSet<string> LineFormats = ["header", "list", "table"];

    private static readonly HashSet<string> ListKinds = ["ordered", "bullet", "checked", "unchecked"];

    public static bool IsLineFormat(string key) => LineFormats.Contains(key);

    /// <exception cref="CollabException"><c>invalid_argument</c>: an op carries a format or an embed the rules refuse.</exception>
    public static void Check(DeltaOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.Embed is { } embed)
        {
            CheckEmbed(embed);
        }
        if (op.Text is { } text)
        {
            CheckText(text);
        }
        if (op.Attributes is not { } attributes)
        {
            return;
        }
        foreach (var (key, value) in attributes)
        {
            if (value.IsNull)
            {
                if (op.Kind != DeltaOpKind.Retain)
                {
                    throw CollabException.Invalid($"an insert cannot remove the format '{key}'; only a retain can");
                }
                CheckKnown(key);
                continue;
            }
            CheckValue(key, value);
            if (LineFormats.Contains(key) && op.Kind == DeltaOpKind.Insert && (op.Text is null || op.Text.Any(c => c != '\n')))
            {
                throw CollabException.Invalid($"the line format '{key}' goes on a line break only");
            }
        }
    }

    private static void CheckKnown(string key)
    {
        if (key is not ("bold" or "italic" or "underline" or "color" or "link" or "header" or "list" or "table"))
        {
            throw CollabException.Invalid($"unknown format '{Shorten(key)}'; supported: bold, italic, underline, color, link, header, list, table");
        }
    }

    private static void CheckValue(string key, AttributeValue value)
    {
        CheckKnown(key);
        var valid = key switch
        {
            "bold" or "italic" or "underline" => value.Kind == JsonValueKind.True,
            "color" => value.Text is { } color && Color().IsMatch(color),
            "link" => value.Text is { } link && IsSafeLink(link),
            "header" => value.Kind == JsonValueKind.Number && value.Number is >= 1 and <= RichLimits.Headings && value.Number == Math.Floor(value.Number),
            "list" => value.Text is { } kind && ListKinds.Contains(kind),
            _ => value.Text is { } row && TableRow().IsMatch(row),
        };
        if (!valid)
        {
            throw CollabException.Invalid(key switch
            {
                "bold" or "italic" or "underline" => $"the format '{key}' is true, or null to remove it",
                "color" => "a color is #rgb or #rrggbb",
                "link" => $"a link is an http, https or mailto address, or a path on this site, of at most {RichLimits.LinkLength} characters",
                "header" => $"a header is a level from 1 to {RichLimits.Headings}",
                "list" => "a list is ordered, bullet, checked or unchecked",
                _ => "a table cell names its row as row-<letters and digits>",
            });
        }
    }

    /// <summary>Schemes a browser will not run: no javascript:, data: or vbscript: in a link any colleague may click.</summary>
    public static bool IsSafeLink(string link)
    {
        if (link.Length is 0 or > RichLimits.LinkLength || link.Any(char.IsControl))
        {
            return false;
        }
        if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    private static void CheckEmbed(Embed embed)
    {
        switch (embed.Type)
        {
            case "formula":
                if (embed.Value.Length is 0 or > RichLimits.FormulaLength)
                {
                    throw CollabException.Invalid($"a formula is LaTeX of 1 to {RichLimits.FormulaLength} characters");
                }
                CheckText(embed.Value);
                break;
            case "image":
                if (!Attachment().IsMatch(embed.Value))
                {
                    throw CollabException.Invalid("an image is an attachment (/api/files/<id>): upload it with POST /api/files first");
                }
                break;
            default:
                throw CollabException.Invalid($"unknown embed '{Shorten(embed.Type)}'; supported: formula, image");
        }
    }

    /// <summary>Text is well-formed UTF-16 without control characters other than tab and line break.</summary>
    private static void CheckText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw CollabException.Invalid("text holds half of a surrogate pair");
            }
            else if (char.IsControl(c) && c is not ('\n' or '\t'))
            {
                throw CollabException.Invalid($"text holds the control character U+{(int)c:X4}");
            }
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex Color();

    [GeneratedRegex("^row-[a-z0-9]{1,32}$")]
    private static partial Regex TableRow();

    [GeneratedRegex("^/api/files/[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Attachment();
}
