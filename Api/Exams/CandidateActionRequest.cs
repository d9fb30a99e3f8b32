namespace Collab.Api.Exams;

/// <summary>
/// A proctor's pause, resume or extension for one candidate, with the reason the irregularity log keeps
/// (<c>reason</c> in PROTOCOL §7; <c>cause</c>, its earlier name, is still read).
/// </summary>
public sealed record CandidateActionRequest(string? StudentId, int Minutes, string? Reason, string? Cause)
{
    public string Why => Reason ?? Cause ?? "";
}
