namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>The body of <c>POST /api/classrooms</c> (PROTOCOL §8).</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.CreateClassroom")]
public sealed record CreateClassroom(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Subject,
    [property: Id(2)] string? Grade,
    [property: Id(3)] DateTimeOffset? StartsAt,
    [property: Id(4)] string? HostClassId,
    [property: Id(5)] IReadOnlyList<string>? LinkedClassIds);
