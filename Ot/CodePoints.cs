namespace Collab.Ot;

/// <summary>
/// Counting and slicing by Unicode code point, the unit the protocol measures text in.
/// </summary>
/// <remarks>
/// Clients count the way JavaScript's <c>Array.from(text).length</c> does: a surrogate pair is one
/// unit and an unpaired surrogate is also one unit. Grapheme clusters are deliberately not used: a
/// skin-tone emoji is two code points here, because that is what the clients send.
/// </remarks>
public static class CodePoints
{
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (IsPairAt(text, i))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>Returns <paramref name="length"/> code points of <paramref name="text"/> starting at code point <paramref name="start"/>.</summary>
    public static string Slice(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var from = Advance(text, 0, start);
        var to = from < 0 ? -1 : Advance(text, from, length);
        if (to < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The slice runs past the end of the text.");
        }

        return text[from..to];
    }

    /// <summary>
    /// Steps <paramref name="count"/> code points forward from a UTF-16 index and returns the UTF-16
    /// index reached, or -1 when the text ends first. Working from an index rather than from the start
    /// lets callers walk a string piecewise in linear time.
    /// </summary>
    internal static int Advance(string text, int utf16Index, int count)
    {
        var i = utf16Index;
        for (var n = 0; n < count; n++)
        {
            if (i >= text.Length)
            {
                return -1;
            }

            i += IsPairAt(text, i) ? 2 : 1;
        }

        return i;
    }

    /// <summary>
    /// Counts code points, refusing text with an unpaired surrogate: such text cannot be encoded as
    /// UTF-8 for other clients, and clients disagree on how to measure it.
    /// </summary>
    internal static bool TryCountWellFormed(string text, out int count)
    {
        count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }

            count++;
        }

        return true;
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
