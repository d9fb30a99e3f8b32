namespace Collab.Api.Classrooms;

public sealed record SubmitTallyRequest(string? ClientId, long ClientSeq, string? QuestionId, string? ClassId, Dictionary<string, int>? Counts);
