namespace Collab.Grains.Interfaces.Directory;

/// <summary>One person row of an import (PROTOCOL §6); the user id is its key.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.ImportPerson")]
public sealed record ImportPerson(
    [property: Id(0)] string? UserId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Role,
    [property: Id(3)] string? SchoolCode,
    [property: Id(4)] IReadOnlyList<string?>? Subjects = null);
