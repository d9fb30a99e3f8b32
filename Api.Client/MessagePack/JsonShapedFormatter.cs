using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace Collab.Client.MessagePack;

/// <summary>One type's formatter of <see cref="JsonShapedResolver"/>: System.Text.Json's layout, MessagePack's encoding.</summary>
public sealed class JsonShapedFormatter<T>(JsonSerializerOptions json) : IMessagePackFormatter<T>
{
    public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
    {
        using var document = JsonSerializer.SerializeToDocument(value, json);
        Write(ref writer, document.RootElement);
    }

    public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var output = new Utf8JsonWriter(buffer))
        {
            options.Security.DepthStep(ref reader);
            Read(ref reader, output, options);
            reader.Depth--;
        }
        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, json)!;
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }
                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }
                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }
                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number when element.TryGetUInt64(out var unsigned):
                writer.Write(unsigned);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter output, MessagePackSerializerOptions options)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var properties = reader.ReadMapHeader();
                output.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    output.WritePropertyName(reader.NextMessagePackType == MessagePackType.String
                        ? reader.ReadString()!
                        : throw new MessagePackSerializationException("map keys must be strings"));
                    Nested(ref reader, output, options);
                }
                output.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                output.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    Nested(ref reader, output, options);
                }
                output.WriteEndArray();
                break;
            case MessagePackType.String:
                output.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer:
                if (reader.TryReadNil())
                {
                    output.WriteNullValue();
                }
                else
                {
                    output.WriteNumberValue(reader.ReadInt64());
                }
                break;
            case MessagePackType.Float:
                output.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                output.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                output.WriteNullValue();
                break;
            default:
                throw new MessagePackSerializationException($"{reader.NextMessagePackType} has no JSON counterpart in this protocol");
        }
    }

    private static void Nested(ref MessagePackReader reader, Utf8JsonWriter output, MessagePackSerializerOptions options)
    {
        options.Security.DepthStep(ref reader);
        Read(ref reader, output, options);
        reader.Depth--;
    }
}
