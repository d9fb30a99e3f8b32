namespace Collab.Grains.Interfaces.Observations;

/// <summary>The answer of Rate: when it was stored, whether it replaced the caller's earlier rating, and its own weighted total.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.RatingAccepted")]
public sealed record RatingAccepted(
    [property: Id(0)] DateTimeOffset RatedAt,
    [property: Id(1)] bool Replaced,
    [property: Id(2)] double WeightedTotal);
