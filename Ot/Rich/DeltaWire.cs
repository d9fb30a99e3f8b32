using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Collab.Ot.Rich;

/// <summary>
/// The protocol's JSON form of a delta (PROTOCOL §9): an array of ops, each an object with exactly one of
/// <c>insert</c> (a string, or an embed object of one string-valued key), <c>retain</c> or <c>delete</c> (a positive
/// integer), and optional <c>attributes</c> on inserts and retains. Empty text inserts and empty attribute objects are
/// dropped, as quill-delta's builders drop them.
/// </summary>
internal static class DeltaWire
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Delta Read(JsonElement wire)
    {
        if (wire.ValueKind != JsonValueKind.Array)
        {
            throw new OtException("a delta must be a JSON array of ops");
        }
        var builder = new DeltaBuilder();
        var index = 0;
        long span = 0;
        foreach (var item in wire.EnumerateArray())
        {
            var op = ReadOp(item, index);
            span += op?.Length ?? 0;
            if (span > Delta.MaxLength)
            {
                throw new OtException($"a delta may span at most {Delta.MaxLength} characters");
            }
            if (op is not null)
            {
                builder.Push(op);
            }
            index++;
        }
        return builder.Build();
    }

    private static DeltaOp? ReadOp(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new OtException($"op {index} must be an object");
        }
        JsonElement? insert = null, retain = null, delete = null, attributes = null;
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "insert" when insert is null:
                    insert = property.Value;
                    break;
                case "retain" when retain is null:
                    retain = property.Value;
                    break;
                case "delete" when delete is null:
                    delete = property.Value;
                    break;
                case "attributes" when attributes is null:
                    attributes = property.Value;
                    break;
                default:
                    throw new OtException($"op {index} has an unknown or repeated field '{property.Name}'");
            }
        }
        if ((insert is null ? 0 : 1) + (retain is null ? 0 : 1) + (delete is null ? 0 : 1) != 1)
        {
            throw new OtException($"op {index} must have exactly one of insert, retain and delete");
        }
        if (delete is { } deleted)
        {
            if (attributes is not null)
            {
                throw new OtException($"op {index}: a delete has no attributes");
            }
            return DeltaOp.Delete(ReadLength(deleted, index));
        }
        var formats = attributes is { } map ? ReadAttributes(map, index) : null;
        if (retain is { } retained)
        {
            return DeltaOp.Retain(ReadLength(retained, index), formats);
        }
        var inserted = insert!.Value;
        switch (inserted.ValueKind)
        {
            case JsonValueKind.String:
                var text = ReadString(inserted, index);
                return text.Length == 0 ? null : DeltaOp.Insert(text, formats);
            case JsonValueKind.Object:
                return DeltaOp.Insert(ReadEmbed(inserted, index), formats);
            default:
                throw new OtException($"op {index}: an insert is a string or an embed object");
        }
    }

    private static int ReadLength(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var length) && length is > 0 and <= Delta.MaxLength
            ? length
            : throw new OtException($"op {index}: a retain or delete is a positive integer of at most {Delta.MaxLength}");

    private static Embed ReadEmbed(JsonElement element, int index)
    {
        Embed? embed = null;
        foreach (var property in element.EnumerateObject())
        {
            if (embed is not null || property.Name.Length == 0 || property.Value.ValueKind != JsonValueKind.String)
            {
                throw new OtException($"op {index}: an embed is an object of one key with a string value, such as {{\"formula\":\"x^2\"}}");
            }
            embed = new Embed(property.Name, ReadString(property.Value, index));
        }
        return embed ?? throw new OtException($"op {index}: an embed names its kind, such as {{\"formula\":\"x^2\"}}");
    }

    private static AttributeMap? ReadAttributes(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new OtException($"op {index}: attributes must be an object");
        }
        var pairs = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!pairs.TryAdd(property.Name, AttributeValue.Read(property.Value, index)))
            {
                throw new OtException($"op {index}: attribute '{property.Name}' is repeated");
            }
        }
        return AttributeMap.Of(pairs);
    }

    /// <summary>Reads a string, refusing an escaped lone surrogate, which System.Text.Json cannot turn into a string.</summary>
    internal static string ReadString(JsonElement element, int index)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new OtException($"op {index}: a string holds half of a surrogate pair");
        }
    }

    public static string Write(Delta delta)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, delta);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Write(DeltaOp op)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, op);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, Delta delta)
    {
        writer.WriteStartArray();
        foreach (var op in delta.Ops)
        {
            Write(writer, op);
        }
        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, DeltaOp op)
    {
        writer.WriteStartObject();
        switch (op.Kind)
        {
            case DeltaOpKind.Insert when op.Embed is { } embed:
                writer.WriteStartObject("insert");
                writer.WriteString(embed.Type, embed.Value);
                writer.WriteEndObject();
                break;
            case DeltaOpKind.Insert:
                writer.WriteString("insert", op.Text);
                break;
            case DeltaOpKind.Retain:
                writer.WriteNumber("retain", op.Length);
                break;
            default:
                writer.WriteNumber("delete", op.Length);
                break;
        }
        if (op.Attributes is { } attributes)
        {
            writer.WriteStartObject("attributes");
            foreach (var (key, value) in attributes)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
