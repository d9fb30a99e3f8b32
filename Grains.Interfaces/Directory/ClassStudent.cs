namespace Collab.Grains.Interfaces.Directory;

[GenerateSerializer, Immutable, Alias("collab.directory.ClassStudent")]
public sealed record ClassStudent(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name);
