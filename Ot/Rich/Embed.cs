namespace Collab.Ot.Rich;

/// <summary>
/// A non-text insert, such as <c>{"formula":"x^2"}</c> or <c>{"image":"/api/files/f-1"}</c>: one key naming the kind,
/// and a string value. It counts one in every length, as in quill-delta.
/// </summary>
public sealed record Embed
{
    public Embed(string type, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(value);
        Type = type;
        Value = value;
    }

    public string Type { get; }

    public string Value { get; }

    public override string ToString() => $"{{{System.Text.Json.JsonSerializer.Serialize(Type)}:{System.Text.Json.JsonSerializer.Serialize(Value)}}}";
}
