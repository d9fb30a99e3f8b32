namespace Collab.Grains.Interfaces.Directory;

/// <summary>One class row of an import (PROTOCOL §6); the id is its key, and its member lists replace the stored ones.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.ImportClass")]
public sealed record ImportClass(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? SchoolCode,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Grade,
    [property: Id(4)] IReadOnlyList<string?>? TeacherIds = null,
    [property: Id(5)] IReadOnlyList<string?>? StudentIds = null);
