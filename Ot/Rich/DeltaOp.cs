namespace Collab.Ot.Rich;

/// <summary>
/// One op of a <see cref="Delta"/>: an insert of text or of an <see cref="Embed"/>, a retain (which may change formats),
/// or a delete. Lengths count UTF-16 code units, an embed one, as quill-delta's <c>Op.length</c>.
/// </summary>
public sealed class DeltaOp : IEquatable<DeltaOp>
{
    private DeltaOp(DeltaOpKind kind, int length, string? text, Embed? embed, AttributeMap? attributes)
    {
        Kind = kind;
        Length = length;
        Text = text;
        Embed = embed;
        Attributes = attributes;
    }

    public DeltaOpKind Kind { get; }

    public int Length { get; }

    /// <summary>The inserted text; <c>null</c> for an embed, a retain or a delete.</summary>
    public string? Text { get; }

    /// <summary>The inserted embed; <c>null</c> otherwise.</summary>
    public Embed? Embed { get; }

    /// <summary>The formats of an insert or the format change of a retain; <c>null</c> when there are none.</summary>
    public AttributeMap? Attributes { get; }

    public static DeltaOp Insert(string text, AttributeMap? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new DeltaOp(DeltaOpKind.Insert, text.Length, text, null, attributes);
    }

    public static DeltaOp Insert(Embed embed, AttributeMap? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(embed);
        return new DeltaOp(DeltaOpKind.Insert, 1, null, embed, attributes);
    }

    public static DeltaOp Retain(int length, AttributeMap? attributes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new DeltaOp(DeltaOpKind.Retain, length, null, null, attributes);
    }

    public static DeltaOp Delete(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new DeltaOp(DeltaOpKind.Delete, length, null, null, null);
    }

    /// <summary>The same insert with other formats.</summary>
    internal DeltaOp WithAttributes(AttributeMap? attributes) => new(Kind, Length, Text, Embed, attributes);

    /// <summary>A piece of this op, as quill-delta's iterator cuts it: text by code unit, an embed only whole.</summary>
    internal DeltaOp Slice(int offset, int length) =>
        offset == 0 && length == Length ? this : Kind switch
        {
            DeltaOpKind.Insert => new DeltaOp(Kind, length, Text!.Substring(offset, length), null, Attributes),
            _ => new DeltaOp(Kind, length, null, null, Attributes),
        };

    public bool Equals(DeltaOp? other) =>
        other is not null && Kind == other.Kind && Length == other.Length && Text == other.Text
        && Embed == other.Embed && AttributeMap.AreEqual(Attributes, other.Attributes);

    public override bool Equals(object? obj) => Equals(obj as DeltaOp);

    public override int GetHashCode() => HashCode.Combine(Kind, Length, Text, Embed, Attributes);

    public override string ToString() => DeltaWire.Write(this);
}
