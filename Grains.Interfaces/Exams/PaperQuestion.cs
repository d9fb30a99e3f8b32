namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// A question as its author wrote it, key and marking reference included. Only the author's (and admins') views carry
/// it; students get <see cref="StudentQuestion"/>, a separate type that has no field for a key.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.PaperQuestion")]
public sealed record PaperQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] decimal Points,
    [property: Id(3)] string Stem,
    [property: Id(4)] IReadOnlyList<QuestionOption> Options,
    [property: Id(5)] AnswerKey? Key,
    [property: Id(6)] decimal? PartialPoints,
    [property: Id(7)] string? Reference,
    [property: Id(8)] int Blanks);
