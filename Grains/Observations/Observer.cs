namespace Collab.Grains.Observations;

/// <summary>Someone other than the observed teacher who took part (a note or a rating), as their token named them.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.Observer")]
public sealed record Observer(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string School,
    [property: Id(3)] string County);
