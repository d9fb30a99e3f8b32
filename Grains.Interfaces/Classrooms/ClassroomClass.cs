namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>One class of a classroom as the directory held it at creation; <see cref="TeacherId"/> is its assistant (the host, for the host class).</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.ClassroomClass")]
public sealed record ClassroomClass(
    [property: Id(0)] string ClassId,
    [property: Id(1)] string Name,
    [property: Id(2)] string SchoolName,
    [property: Id(3)] string? TeacherId,
    [property: Id(4)] int StudentCount);
