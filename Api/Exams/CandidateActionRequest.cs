using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Exams;

/// <summary>
/// A proctor's pause, resume, extension or force-submit for one candidate, with the reason the irregularity log keeps
/// (<c>reason</c> in PROTOCOL §7; <c>cause</c>, its earlier name, is still read).
/// </summary>
public sealed record CandidateActionRequest(string? StudentId, int Minutes, string? Reason, string? Cause)
{
    public string Why => Reason ?? Cause ?? "";

    /// <summary>A force-submit's target: the student's id alone, as before reasons, or the request as an object.</summary>
    public static CandidateActionRequest ReadTarget(JsonElement target) => target.ValueKind switch
    {
        JsonValueKind.String => new CandidateActionRequest(target.GetString(), 0, null, null),
        JsonValueKind.Object => new CandidateActionRequest(Field(target, "studentId"), 0, Field(target, "reason"), Field(target, "cause")),
        _ => throw CollabException.Invalid("a force-submit takes the student's id, or {studentId, reason}"),
    };

    private static string? Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw CollabException.Invalid($"{name} must be a string")
            : null;
}
