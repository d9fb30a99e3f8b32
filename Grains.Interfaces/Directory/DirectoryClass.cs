namespace Collab.Grains.Interfaces.Directory;

/// <summary>A class with its teachers' ids and its students, by name.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.DirectoryClass")]
public sealed record DirectoryClass(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Grade,
    [property: Id(3)] string SchoolCode,
    [property: Id(4)] IReadOnlyList<string> TeacherIds,
    [property: Id(5)] IReadOnlyList<ClassStudent> Students);
