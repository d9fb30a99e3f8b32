namespace Collab.Grains.Interfaces.Directory;

/// <summary>A person as a search lists them, with their school's name and county.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.DirectoryPerson")]
public sealed record DirectoryPerson(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string SchoolCode,
    [property: Id(4)] string SchoolName,
    [property: Id(5)] string County);
