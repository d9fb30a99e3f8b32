namespace Collab.Api.Homework;

public sealed record MarkRequest(string? StudentId, string? QuestionId, decimal? Points, string? ClientId, long? ClientSeq);
