using System.Text.Json;
using Collab.Ot;

namespace Collab.Bench.ShareDb;

/// <summary>
/// Collab's operations in ot-text-unicode's JSON form and back: a number skips that many code points, a string inserts
/// it, <c>{"d": n}</c> (or <c>{"d": "text"}</c>) deletes; there is no trailing skip, so reading one needs the length of
/// the text it applies to.
/// </summary>
public static class TextUnicodeOps
{
    public static void Write(Utf8JsonWriter writer, TextOperation operation)
    {
        var components = operation.Components;
        var end = components.Count;
        if (end > 0 && components[end - 1].Kind == OpKind.Retain)
        {
            end--;
        }
        writer.WriteStartArray();
        for (var i = 0; i < end; i++)
        {
            var component = components[i];
            switch (component.Kind)
            {
                case OpKind.Retain:
                    writer.WriteNumberValue(component.Length);
                    break;
                case OpKind.Insert:
                    writer.WriteStringValue(component.Text);
                    break;
                default:
                    writer.WriteStartObject();
                    writer.WriteNumber("d", component.Length);
                    writer.WriteEndObject();
                    break;
            }
        }
        writer.WriteEndArray();
    }

    /// <exception cref="OtException">The op is malformed or reaches past a text of <paramref name="textLength"/> code points.</exception>
    public static TextOperation Read(JsonElement op, int textLength)
    {
        if (op.ValueKind != JsonValueKind.Array)
        {
            throw new OtException($"an ot-text-unicode op is an array, not {op.ValueKind}");
        }
        var components = new List<OpComponent>();
        var covered = 0;
        foreach (var item in op.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Number:
                    var skip = item.GetInt32();
                    components.Add(OpComponent.Retain(skip));
                    covered += skip;
                    break;
                case JsonValueKind.String:
                    components.Add(OpComponent.Insert(item.GetString()!));
                    break;
                case JsonValueKind.Object when item.TryGetProperty("d", out var deleted):
                    var count = deleted.ValueKind == JsonValueKind.String ? CodePoints.Count(deleted.GetString()!) : deleted.GetInt32();
                    components.Add(OpComponent.Delete(count));
                    covered += count;
                    break;
                default:
                    throw new OtException($"not an ot-text-unicode component: {item.GetRawText()}");
            }
        }
        if (covered > textLength)
        {
            throw new OtException($"the op covers {covered} code points of a text of {textLength}");
        }
        if (covered < textLength)
        {
            components.Add(OpComponent.Retain(textLength - covered));
        }
        return TextOperation.Create(components);
    }
}
