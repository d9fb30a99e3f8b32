namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// One rostered student's line of the results (PROTOCOL §5); <see cref="Score"/> counts auto-graded and marked points.
/// <see cref="SchoolCode"/>, <see cref="County"/> and <see cref="ClassId"/> (the class they were rostered through) are
/// the directory's at publishing (PROTOCOL §7), null for a student it did not hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.StudentResult")]
public sealed record StudentResult(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] decimal Score,
    [property: Id(4)] decimal MaxScore,
    [property: Id(5)] int PendingMarking,
    [property: Id(6)] IReadOnlyDictionary<string, decimal> PerQuestion,
    [property: Id(10)] string? SchoolCode = null,
    [property: Id(11)] string? County = null,
    [property: Id(12)] string? ClassId = null,
    [property: Id(20)] string? RoomId = null);
