namespace Collab.Api.Exams;

/// <summary>A proctor's pause, resume or extension for one candidate, with the cause the irregularity log keeps.</summary>
public sealed record CandidateActionRequest(string? StudentId, int Minutes, string? Cause);
