namespace Collab.Grains.Interfaces.Directory;

/// <summary>One school row of an import (PROTOCOL §6); the code is its key.</summary>
[GenerateSerializer, Immutable, Alias("collab.directory.ImportSchool")]
public sealed record ImportSchool(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? County);
