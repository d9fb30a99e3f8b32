using System.Text.RegularExpressions;
using Collab.Ot.Rich;

namespace Collab.Api.LessonPreps;

/// <summary>
/// The inline formats the exports render, outermost first, with the values they accept. The exports do not trust the
/// stored content: a link with an unsafe scheme or a colour that is no plain hex value is left out, not rendered.
/// </summary>
public static partial class RichInlineFormats
{
    /// <summary>Nesting order: a link around bold around italic around underline around colour.</summary>
    public static readonly string[] Order = ["link", "bold", "italic", "underline", "color"];

    /// <summary>The formats of a run the exports render, in <see cref="Order"/>, each with its value.</summary>
    public static IReadOnlyList<(string Key, string Value)> Of(AttributeMap? formats)
    {
        var result = new List<(string, string)>();
        if (formats is null)
        {
            return result;
        }
        foreach (var key in Order)
        {
            if (!formats.TryGetValue(key, out var value))
            {
                continue;
            }
            switch (key)
            {
                case "link" when value.Text is { } link && IsSafeLink(link):
                    result.Add((key, link));
                    break;
                case "color" when value.Text is { } color && HexColor().IsMatch(color):
                    result.Add((key, color));
                    break;
                case "bold" or "italic" or "underline" when value.Kind == System.Text.Json.JsonValueKind.True:
                    result.Add((key, "true"));
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// Walks a line's runs keeping formats nested: a format two adjacent runs share stays open across both (one link,
    /// one bold span), and only the formats that change are closed and opened.
    /// </summary>
    public static void Nest(
        IEnumerable<RichRun> runs, Action<(string Key, string Value)> open, Action<(string Key, string Value)> close, Action<RichRun> content)
    {
        var current = new List<(string Key, string Value)>();
        foreach (var run in runs)
        {
            var wanted = Of(run.Formats);
            var shared = 0;
            while (shared < current.Count && shared < wanted.Count && current[shared] == wanted[shared])
            {
                shared++;
            }
            for (var i = current.Count - 1; i >= shared; i--)
            {
                close(current[i]);
            }
            current.RemoveRange(shared, current.Count - shared);
            for (var i = shared; i < wanted.Count; i++)
            {
                open(wanted[i]);
                current.Add(wanted[i]);
            }
            content(run);
        }
        for (var i = current.Count - 1; i >= 0; i--)
        {
            close(current[i]);
        }
    }

    /// <summary>http, https and mailto addresses and paths on this site: nothing a click would run.</summary>
    public static bool IsSafeLink(string link)
    {
        if (link.Length == 0 || link.Any(char.IsControl))
        {
            return false;
        }
        if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    /// <summary>An image the exports show: an attachment of this site, or an http(s) address.</summary>
    public static bool IsSafeImage(string source) =>
        (source.StartsWith('/') && !source.StartsWith("//", StringComparison.Ordinal) && !source.Any(char.IsControl))
        || (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();
}
