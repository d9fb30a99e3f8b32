namespace Collab.Grains.Interfaces.Exams;

/// <summary>One short answer to mark, anonymous: the marker sees an opaque reference, never the student.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.MarkingTask")]
public sealed record MarkingTask(
    [property: Id(0)] string AttemptRef,
    [property: Id(1)] string QuestionId,
    [property: Id(2)] string Stem,
    [property: Id(3)] decimal MaxPoints,
    [property: Id(4)] string Answer,
    [property: Id(5)] string? Reference,
    [property: Id(6)] bool Arbitration);
