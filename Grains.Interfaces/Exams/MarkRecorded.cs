namespace Collab.Grains.Interfaces.Exams;

/// <summary>A mark taken; <see cref="Final"/> is set once the answer's points are settled under the marking policy.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.MarkRecorded")]
public sealed record MarkRecorded(
    [property: Id(0)] string AttemptRef,
    [property: Id(1)] string QuestionId,
    [property: Id(2)] decimal Points,
    [property: Id(3)] decimal? Final);
