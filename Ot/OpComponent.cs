using System.Globalization;

namespace Collab.Ot;

/// <summary>One step of a <see cref="TextOperation"/>, walking the text from its start.</summary>
/// <remarks>
/// Built only through the factories so that every component has a positive length and inserts are
/// well-formed UTF-16; <c>default(OpComponent)</c> has length 0 and is refused by
/// <see cref="TextOperation.Create"/>.
/// </remarks>
public readonly record struct OpComponent
{
    private OpComponent(OpKind kind, int length, string text)
    {
        Kind = kind;
        Length = length;
        Text = text;
    }

    public OpKind Kind { get; }

    /// <summary>Code points retained, deleted or inserted.</summary>
    public int Length { get; }

    /// <summary>The inserted text; empty for retains and deletes.</summary>
    public string Text { get; }

    public static OpComponent Retain(int count) => new(OpKind.Retain, RequirePositive(count, "retain"), string.Empty);

    public static OpComponent Delete(int count) => new(OpKind.Delete, RequirePositive(count, "delete"), string.Empty);

    public static OpComponent Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new OtException("an insert must not be empty");
        }

        if (!CodePoints.TryCountWellFormed(text, out var length))
        {
            throw new OtException("an insert must not contain an unpaired surrogate");
        }

        return new(OpKind.Insert, length, text);
    }

    /// <summary>For text already validated and measured, so building an operation stays linear.</summary>
    internal static OpComponent InsertMeasured(string text, int length) => new(OpKind.Insert, length, text);

    public override string ToString() => Kind switch
    {
        OpKind.Retain => Length.ToString(CultureInfo.InvariantCulture),
        OpKind.Delete => (-Length).ToString(CultureInfo.InvariantCulture),
        OpKind.Insert => Wire.Quote(Text),
        _ => "(empty component)",
    };

    private static int RequirePositive(int count, string kind) =>
        count > 0 ? count : throw new OtException($"a {kind} must have a positive length, not {count}");
}
