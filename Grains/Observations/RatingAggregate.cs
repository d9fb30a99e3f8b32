using Collab.Grains.Interfaces.Observations;

namespace Collab.Grains.Observations;

/// <summary>All ratings of a lesson summarised: how many, each dimension's mean and spread, and the weighted total (0–100).</summary>
public sealed record RatingAggregate(int Count, IReadOnlyList<DimensionAggregate> Dimensions, double WeightedTotal)
{
    /// <summary>The means by dimension key, as <c>ratings.updated</c> carries them.</summary>
    public IReadOnlyDictionary<string, double> Means =>
        Dimensions.Where(d => d.Mean is not null).ToDictionary(d => d.Key, d => d.Mean!.Value);
}
