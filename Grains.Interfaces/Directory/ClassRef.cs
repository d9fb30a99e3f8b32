namespace Collab.Grains.Interfaces.Directory;

[GenerateSerializer, Immutable, Alias("collab.directory.ClassRef")]
public sealed record ClassRef(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name);
