namespace Collab.Grains.Interfaces.Exams;

/// <summary>One rostered student's line of the results (PROTOCOL §5); <see cref="Score"/> counts auto-graded and marked points.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.StudentResult")]
public sealed record StudentResult(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] decimal Score,
    [property: Id(4)] decimal MaxScore,
    [property: Id(5)] int PendingMarking,
    [property: Id(6)] IReadOnlyDictionary<string, decimal> PerQuestion,
    [property: Id(20)] string? RoomId = null);
