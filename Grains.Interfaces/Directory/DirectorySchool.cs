namespace Collab.Grains.Interfaces.Directory;

[GenerateSerializer, Immutable, Alias("collab.directory.DirectorySchool")]
public sealed record DirectorySchool(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string County);
