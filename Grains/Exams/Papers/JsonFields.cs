using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Exams;

/// <summary>
/// Typed reads of the fields of a JSON object. A missing field and a JSON <c>null</c> are the same "absent"; a field of
/// the wrong JSON type is refused with a sentence naming it (<paramref name="label"/> is how the sentence names it).
/// </summary>
internal static class JsonFields
{
    public static JsonDocument Parse(string? json, string what)
    {
        if (json is null)
        {
            throw CollabException.Invalid($"{what} is missing");
        }
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            throw CollabException.Invalid($"{what} is not valid JSON");
        }
    }

    public static JsonElement? Get(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(JsonElement parent, string name, string label)
    {
        if (Get(parent, name) is not { } value)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? Text(value, label)
            : throw CollabException.Invalid($"{label} must be a string");
    }

    public static bool? Bool(JsonElement parent, string name, string label) =>
        Get(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw CollabException.Invalid($"{label} must be true or false"),
        };

    public static decimal? Decimal(JsonElement parent, string name, string label)
    {
        if (Get(parent, name) is not { } value)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw CollabException.Invalid($"{label} must be a number");
    }

    public static int? Int(JsonElement parent, string name, string label)
    {
        if (Get(parent, name) is not { } value)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw CollabException.Invalid($"{label} must be a whole number");
    }

    public static JsonElement? Array(JsonElement parent, string name, string label) =>
        Get(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Array } value => value,
            _ => throw CollabException.Invalid($"{label} must be an array"),
        };

    public static JsonElement? Object(JsonElement parent, string name, string label) =>
        Get(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Object } value => value,
            _ => throw CollabException.Invalid($"{label} must be an object"),
        };

    /// <summary>The string value; a lone surrogate (possible through a JSON escape) is refused rather than stored.</summary>
    public static string Text(JsonElement value, string label)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw CollabException.Invalid($"{label} is not valid Unicode text");
        }
    }
}
