using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collab.Api.Live;

/// <summary>
/// JSON text a grain already serialized, written into a message as it is: an event's data goes to every connection of
/// a node without being parsed into a document and written out again for each event.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(string Json)
{
    private sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new RawJson(document.RootElement.GetRawText());
        }

        // The grains' own serializer wrote it, so it is valid JSON; checking it again would cost what this type saves.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
