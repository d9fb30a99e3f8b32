using System.Globalization;
using System.Text.Json;

namespace Collab.Ot.Rich;

/// <summary>
/// The value of one format attribute: a JSON string, number, boolean, or null (which, in a change, removes the
/// attribute). Quill's formats are all scalars, so equality is JavaScript's strict equality.
/// </summary>
public readonly record struct AttributeValue
{
    private AttributeValue(JsonValueKind kind, string? text, double number)
    {
        Kind = kind;
        Text = text;
        Number = number;
    }

    public static AttributeValue Null { get; } = new(JsonValueKind.Null, null, 0);

    public JsonValueKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="JsonValueKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="JsonValueKind.Number"/>.</summary>
    public double Number { get; }

    public bool IsNull => Kind == JsonValueKind.Null;

    public static AttributeValue Of(string text) => new(JsonValueKind.String, text ?? throw new ArgumentNullException(nameof(text)), 0);

    public static AttributeValue Of(double number) =>
        double.IsFinite(number) ? new(JsonValueKind.Number, null, number) : throw new OtException("an attribute number must be finite");

    public static AttributeValue Of(bool flag) => new(flag ? JsonValueKind.True : JsonValueKind.False, null, 0);

        internal static AttributeValue Read(JsonElement element, int index) => element.ValueKind switch
    {
        JsonValueKind.Null => Null,
        JsonValueKind.String => Of(DeltaWire.ReadString(element, index)),
        JsonValueKind.Number => Of(element.GetDouble()),
        JsonValueKind.True => Of(true),
        JsonValueKind.False => Of(false),
        _ => throw new OtException($"op {index}: an attribute value is a string, a number, a boolean or null"),
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Text);
                break;
            case JsonValueKind.Number:
                writer.WriteNumberValue(Number);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                writer.WriteBooleanValue(Kind == JsonValueKind.True);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public override string ToString() => Kind switch
    {
        JsonValueKind.String => JsonSerializer.Serialize(Text),
        JsonValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };
}
