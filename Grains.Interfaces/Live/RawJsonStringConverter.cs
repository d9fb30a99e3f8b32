using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collab.Grains.Interfaces.Live;

/// <summary>
/// Writes a string that holds JSON as that JSON, not as a quoted string, and reads any JSON value back into its text:
/// a JsonElement does not cross a grain boundary, a string does, and clients see the value itself.
/// </summary>
public sealed class RawJsonStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        return value.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value, skipInputValidation: true);
}
