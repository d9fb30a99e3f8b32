namespace Collab.Api.Exams;

public sealed record MarkRequest(string? AttemptRef, string? QuestionId, decimal Points);
