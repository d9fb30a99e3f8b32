namespace Collab.Grains.Interfaces.Observations;

/// <summary>
/// The scores of one rubric dimension over all ratings: mean and spread (min, max, population standard deviation),
/// rounded to two decimals; null while nobody has rated.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.observations.DimensionAggregate")]
public sealed record DimensionAggregate(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] int Weight,
    [property: Id(3)] double? Mean,
    [property: Id(4)] int? Min,
    [property: Id(5)] int? Max,
    [property: Id(6)] double? StdDev);
