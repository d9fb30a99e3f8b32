using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Exams;

/// <summary>
/// What <c>Announce</c> takes: the text alone (PROTOCOL §5) or <c>{text, roomId?}</c> (PROTOCOL §7), so clients of
/// either keep working under one method name.
/// </summary>
public static class AnnouncementRequest
{
    public static (string Text, string? RoomId) Read(JsonElement body) => body.ValueKind switch
    {
        JsonValueKind.String => (body.GetString()!, null),
        JsonValueKind.Object => (Field(body, "text") ?? "", Field(body, "roomId")),
        _ => throw CollabException.Invalid("an announcement is its text, or {text, roomId}"),
    };

    private static string? Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw CollabException.Invalid($"{name} must be a string")
            : null;
}
