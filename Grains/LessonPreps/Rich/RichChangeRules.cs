using System.Text;
using Collab.Grains.Interfaces.Common;
using Collab.Ot;
using Collab.Ot.Rich;

namespace Collab.Grains.LessonPreps.Rich;

/// <summary>
/// What a rich section accepts: a change that fits the section's content as of its base revision, with allowed formats,
/// and a result within the limits. A refused change changes nothing; the codes are the protocol's (§0).
/// </summary>
public static class RichChangeRules
{
    /// <summary>Reads a submitted change and checks what it says on its own: size, shape, formats and embeds.</summary>
    /// <exception cref="CollabException"><c>too_large</c> or <c>invalid_argument</c>.</exception>
    public static Delta ParseChange(string? deltaJson)
    {
        if (deltaJson is null)
        {
            throw CollabException.Invalid("delta is required for a rich section");
        }
        if (Encoding.UTF8.GetByteCount(deltaJson) > RichLimits.DeltaJsonBytes)
        {
            throw CollabException.TooLarge($"a delta is at most {RichLimits.DeltaJsonBytes} bytes of JSON");
        }
        Delta change;
        try
        {
            change = Delta.Parse(deltaJson);
        }
        catch (OtException error)
        {
            throw CollabException.Invalid($"malformed delta: {error.Message}");
        }
        if (change.Ops.Count > RichLimits.DeltaOps)
        {
            throw CollabException.TooLarge($"a delta has at most {RichLimits.DeltaOps} ops");
        }
        foreach (var op in change.Ops)
        {
            RichFormats.Check(op);
        }
        return change;
    }

    /// <summary>
    /// Checks a change against the content it is to apply to (after the server transformed it to the current
    /// revision) and returns the new content.
    /// </summary>
    /// <exception cref="CollabException">
    /// <c>invalid_argument</c>: the change reaches past the end of the content or cuts a character's surrogate pair in
    /// two; <c>too_large</c>: the result exceeds the section's limits.
    /// </exception>
    public static Delta Apply(Delta content, Delta change)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(change);
        var length = content.Length;
        if (change.BaseSpan > length)
        {
            throw CollabException.Invalid(
                $"the delta does not span the document: it reaches {change.BaseSpan} characters into a section of {length}");
        }
        CheckBoundaries(content, change);
        CheckLineFormats(content, change);
        var result = content.Compose(change);
        if (result.Length > RichLimits.SectionLength)
        {
            throw CollabException.TooLarge($"a section holds at most {RichLimits.SectionLength} characters");
        }
        if (result.Ops.Count > RichLimits.SectionOps)
        {
            throw CollabException.TooLarge($"a section holds at most {RichLimits.SectionOps} differently formatted runs");
        }
        return result;
    }

    /// <summary>Checks whole content, as read from a version, a fork or a client's restore, against the same rules.</summary>
    /// <exception cref="CollabException"><c>invalid_argument</c> or <c>too_large</c>.</exception>
    public static void CheckDocument(Delta content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.IsDocument)
        {
            throw CollabException.Invalid("a section's content holds inserts only");
        }
        if (content.Length > RichLimits.SectionLength || content.Ops.Count > RichLimits.SectionOps)
        {
            throw CollabException.TooLarge($"a section holds at most {RichLimits.SectionLength} characters");
        }
        foreach (var op in content.Ops)
        {
            RichFormats.Check(op);
        }
    }

    /// <summary>A retain may set a line format only over line breaks, so the content keeps the rule inserts keep.</summary>
    private static void CheckLineFormats(Delta content, Delta change)
    {
        var at = 0;
        foreach (var op in change.Ops)
        {
            if (op.Kind == DeltaOpKind.Insert)
            {
                continue;
            }
            if (op is { Kind: DeltaOpKind.Retain, Attributes: { } attributes }
                && attributes.Any(pair => !pair.Value.IsNull && RichFormats.IsLineFormat(pair.Key))
                && content.Slice(at, at + op.Length).Any(piece => piece.Text is null || piece.Text.Any(c => c != '\n')))
            {
                throw CollabException.Invalid($"a line format goes on line breaks only, but the retain at {at} covers other characters");
            }
            at += op.Length;
        }
    }

    /// <summary>
    /// Refuses a retain or delete that ends between the two halves of a character such as an emoji: quill-delta would
    /// cut it, leaving text no browser can show. Editors never do; only a broken or crafted client would.
    /// </summary>
    private static void CheckBoundaries(Delta content, Delta change)
    {
        var cuts = new List<int>();
        var at = 0;
        foreach (var op in change.Ops)
        {
            if (op.Kind != DeltaOpKind.Insert)
            {
                at += op.Length;
                cuts.Add(at);
            }
        }
        var index = 0;
        var offset = 0;
        foreach (var cut in cuts)
        {
            while (index < content.Ops.Count && offset + content.Ops[index].Length <= cut)
            {
                offset += content.Ops[index++].Length;
            }
            if (index < content.Ops.Count && content.Ops[index].Text is { } text && cut > offset
                && char.IsLowSurrogate(text[cut - offset]) && char.IsHighSurrogate(text[cut - offset - 1]))
            {
                throw CollabException.Invalid($"the delta cuts the character at {cut - 1} in two halves of a surrogate pair");
            }
        }
    }
}
