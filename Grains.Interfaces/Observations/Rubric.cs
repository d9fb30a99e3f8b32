namespace Collab.Grains.Interfaces.Observations;

/// <summary>What observers score a lesson on: 2 to 12 dimensions, each scored 1–5, whose weights sum to 100.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.Rubric")]
public sealed record Rubric([property: Id(0)] IReadOnlyList<RubricDimension> Dimensions);
