namespace Collab.Grains.Interfaces.Directory;

/// <summary>The caller as the directory knows them (their token's claims when it does not), with the classes they teach or sit in.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.MeView")]
public sealed record MeView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] string SchoolCode,
    [property: Id(4)] string SchoolName,
    [property: Id(5)] string County,
    [property: Id(6)] IReadOnlyList<ClassRef> Classes);
