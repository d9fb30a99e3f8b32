namespace Collab.Grains.Interfaces.Directory;

/// <summary>One page of a people search, ordered by name then user id; <see cref="NextCursor"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.PeoplePage")]
public sealed record PeoplePage(
    [property: Id(0)] IReadOnlyList<DirectoryPerson> People,
    [property: Id(1)] string? NextCursor);
