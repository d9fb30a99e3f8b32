using System.Collections.ObjectModel;
using System.Text.Json;

namespace Collab.Ot.Rich;

/// <summary>
/// An immutable Quill Delta in normal form (see <see cref="DeltaBuilder"/>): a rich document when it holds only inserts,
/// or a change to one. A change need not reach the end of its document, because what lies past its last op is
/// kept; quill-delta chops a trailing plain retain, and so does this.
/// </summary>
/// <remarks>
/// <see cref="Compose"/>, <see cref="Transform"/>, <see cref="TransformPosition"/> and <see cref="Invert"/> give the very
/// ops quill-delta 5 gives (tests/vectors/rich-text-ot.json), because the web editor transforms its own pending
/// changes with that package: a server that merely converged with it would still show other text.
/// </remarks>
public sealed class Delta : IEquatable<Delta>
{
    /// <summary>The longest an op or a whole delta may be; far above any section's limit, far below overflow.</summary>
    public const int MaxLength = 1 << 30;

    private readonly DeltaOp[] _ops;

    internal Delta(DeltaOp[] ops)
    {
        _ops = ops;
        Ops = new ReadOnlyCollection<DeltaOp>(ops);
    }

    public static Delta Empty { get; } = new([]);

    public IReadOnlyList<DeltaOp> Ops { get; }

    /// <summary>True when every op is an insert, so the delta is a document rather than a change.</summary>
    public bool IsDocument
    {
        get
        {
            foreach (var op in _ops)
            {
                if (op.Kind != DeltaOpKind.Insert)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>Characters (UTF-16 code units, an embed one) of all ops: a document's length.</summary>
    public int Length => _ops.Sum(op => op.Length);

    /// <summary>How far the change reaches into its document: its retains and deletes.</summary>
    public int BaseSpan => _ops.Where(op => op.Kind != DeltaOpKind.Insert).Sum(op => op.Length);

    /// <summary>How much longer the change makes its document (negative when it makes it shorter).</summary>
    public int ChangeLength => _ops.Sum(op => op.Kind switch
    {
        DeltaOpKind.Insert => op.Length,
        DeltaOpKind.Delete => -op.Length,
        _ => 0,
    });

    /// <summary>Builds a delta from ops in any arrangement; the result is in normal form.</summary>
    public static Delta Create(IEnumerable<DeltaOp> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        var builder = new DeltaBuilder();
        foreach (var op in ops)
        {
            builder.Push(op);
        }
        return builder.Build();
    }

    /// <summary>Reads the protocol's wire form, <c>[{"insert":"…","attributes":{…}},{"retain":3},{"delete":2}]</c>.</summary>
    /// <exception cref="OtException">The JSON is not a well-formed delta.</exception>
    public static Delta Parse(JsonElement wire) => DeltaWire.Read(wire);

    /// <exception cref="OtException">The text is not JSON or not a well-formed delta.</exception>
    public static Delta Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return DeltaWire.Read(document.RootElement);
        }
        catch (JsonException)
        {
            throw new OtException("a delta must be a JSON array of ops");
        }
    }

    /// <summary>The wire form, attributes in ordinal key order.</summary>
    public string ToJson() => DeltaWire.Write(this);

    public void WriteTo(Utf8JsonWriter writer) => DeltaWire.Write(writer, this);

    /// <summary>The ops between two positions, cut as quill-delta's <c>slice</c> cuts them (not normalised again).</summary>
    public IReadOnlyList<DeltaOp> Slice(int start, int end = int.MaxValue)
    {
        var result = new List<DeltaOp>();
        var cursor = new DeltaCursor(_ops);
        var index = 0;
        while (index < end && cursor.HasNext)
        {
            DeltaOp next;
            if (index < start)
            {
                next = cursor.Next(start - index);
            }
            else
            {
                next = cursor.Next(end - index);
                result.Add(next);
            }
            index += next.Length;
        }
        return result;
    }

    /// <summary>One delta with the effect of this one followed by <paramref name="other"/>; a document composed with a change is the changed document.</summary>
    public Delta Compose(Delta other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = new DeltaCursor(_ops);
        var theirs = new DeltaCursor(other._ops);
        var result = new DeltaBuilder();
        CopyLeadingInserts(mine, theirs, result);
        while (mine.HasNext || theirs.HasNext)
        {
            if (!theirs.HasNext && result.LastKind != DeltaOpKind.Delete)
            {
                // Past the second's end everything of the first is kept as it is, already in normal form, so a
                // one-character edit of a long document costs a copy rather than a walk of every run.
                result.Push(mine.Next());
                result.AppendNormalized(mine.TakeRest());
                break;
            }

            // What the second inserts and what the first deleted never meet the other delta.
            if (theirs.PeekKind == DeltaOpKind.Insert)
            {
                result.Push(theirs.Next());
                continue;
            }
            if (mine.PeekKind == DeltaOpKind.Delete)
            {
                result.Push(mine.Next());
                continue;
            }

            var length = Math.Min(mine.PeekLength, theirs.PeekLength);
            var first = mine.Next(length);
            var second = theirs.Next(length);
            if (second.Kind == DeltaOpKind.Retain)
            {
                // A null removes a format from text still to come, so it stays on a retain and goes from an insert.
                var isRetain = first.Kind == DeltaOpKind.Retain;
                var attributes = AttributeMap.Compose(first.Attributes, second.Attributes, keepNull: isRetain);
                result.Push(isRetain ? DeltaOp.Retain(length, attributes) : first.WithAttributes(attributes));
            }
            else if (first.Kind == DeltaOpKind.Retain)
            {
                result.Push(second);
            }
            // Otherwise the second deletes what the first inserted: neither reaches the result.
        }
        return result.Build();
    }

    /// <summary>
    /// quill-delta's opening shortcut: the whole inserts of the first that a plain leading retain of the second keeps
    /// go to the result unchanged, in their normal form.
    /// </summary>
    private static void CopyLeadingInserts(DeltaCursor mine, DeltaCursor theirs, DeltaBuilder result)
    {
        if (!theirs.HasNext || theirs.PeekKind != DeltaOpKind.Retain || theirs.PeekAttributes is not null)
        {
            return;
        }
        var kept = theirs.PeekLength;
        var copied = mine.TakeInsertsWithin(kept);
        result.AppendNormalized(copied.Ops);
        if (copied.Length > 0)
        {
            theirs.Next(copied.Length);
        }
    }

    /// <summary>
    /// <paramref name="other"/>, made concurrently with this delta on the same document, changed to apply after this one.
    /// </summary>
    /// <param name="priority">
    /// True when this delta happened first (the server's, already applied): where both insert at one place, this
    /// delta's insert stays first, and its formats win. The protocol transforms an incoming change as
    /// <c>applied.Transform(incoming, true)</c>.
    /// </param>
    public Delta Transform(Delta other, bool priority)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = new DeltaCursor(_ops);
        var theirs = new DeltaCursor(other._ops);
        var result = new DeltaBuilder();
        while (mine.HasNext || theirs.HasNext)
        {
            if (mine.PeekKind == DeltaOpKind.Insert && (priority || theirs.PeekKind != DeltaOpKind.Insert))
            {
                result.Retain(mine.Next().Length);
                continue;
            }
            if (theirs.PeekKind == DeltaOpKind.Insert)
            {
                result.Push(theirs.Next());
                continue;
            }

            var length = Math.Min(mine.PeekLength, theirs.PeekLength);
            var first = mine.Next(length);
            var second = theirs.Next(length);
            if (first.Kind == DeltaOpKind.Delete)
            {
                // This delete already removed what the other deletes or formats.
                continue;
            }
            if (second.Kind == DeltaOpKind.Delete)
            {
                result.Push(second);
            }
            else
            {
                result.Retain(length, AttributeMap.Transform(first.Attributes, second.Attributes, priority));
            }
        }
        return result.Build();
    }

    /// <summary>
    /// Where position <paramref name="index"/> of the document is after this delta. A position inside deleted text
    /// moves to where the deletion was; at an insert it moves after the inserted text, unless
    /// <paramref name="priority"/> keeps it before.
    /// </summary>
    public int TransformPosition(int index, bool priority = false)
    {
        var cursor = new DeltaCursor(_ops);
        var offset = 0;
        while (cursor.HasNext && offset <= index)
        {
            var length = cursor.PeekLength;
            var kind = cursor.PeekKind;
            cursor.Next();
            if (kind == DeltaOpKind.Delete)
            {
                index -= Math.Min(length, index - offset);
                continue;
            }
            if (kind == DeltaOpKind.Insert && (offset < index || !priority))
            {
                index += length;
            }
            offset += length;
        }
        return index;
    }

    /// <summary>The change that undoes this one, made on the document <paramref name="baseDocument"/>.</summary>
    /// <exception cref="OtException"><paramref name="baseDocument"/> is not a document (it holds a retain or a delete).</exception>
    public Delta Invert(Delta baseDocument)
    {
        ArgumentNullException.ThrowIfNull(baseDocument);
        if (!baseDocument.IsDocument)
        {
            throw new OtException("a change can only be inverted against a document, which holds inserts only");
        }
        var result = new DeltaBuilder();
        var baseIndex = 0;
        foreach (var op in _ops)
        {
            switch (op)
            {
                case { Kind: DeltaOpKind.Insert }:
                    result.Delete(op.Length);
                    break;
                case { Kind: DeltaOpKind.Retain, Attributes: null }:
                    result.Retain(op.Length);
                    baseIndex += op.Length;
                    break;
                default:
                    foreach (var baseOp in baseDocument.Slice(baseIndex, baseIndex + op.Length))
                    {
                        if (op.Kind == DeltaOpKind.Delete)
                        {
                            result.Push(baseOp);
                        }
                        else
                        {
                            result.Retain(baseOp.Length, AttributeMap.Invert(op.Attributes, baseOp.Attributes));
                        }
                    }
                    baseIndex += op.Length;
                    break;
            }
        }
        return result.Build();
    }

    public bool Equals(Delta? other) => other is not null && _ops.AsSpan().SequenceEqual(other._ops);

    public override bool Equals(object? obj) => Equals(obj as Delta);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var op in _ops)
        {
            hash.Add(op);
        }
        return hash.ToHashCode();
    }

    public static bool operator ==(Delta? left, Delta? right) => Equals(left, right);

    public static bool operator !=(Delta? left, Delta? right) => !Equals(left, right);

    public override string ToString() => ToJson();
}
