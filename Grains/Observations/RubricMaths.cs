using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;

namespace Collab.Grains.Observations;

/// <summary>
/// Scores and their aggregate. A score s (1–5) earns s/5 of its dimension's weight, so the weighted total of a
/// rating is Σ weight × s / 5 on a 0–100 scale: all 5s make 100, all 3s make 60, all 1s make 20 — the way a
/// teacher reads a 100-point evaluation form whose items carry the weights as their full marks. The lesson's total is
/// the same sum over the dimensions' mean scores, which equals the mean of the observers' totals. Means, spreads and
/// totals are rounded to two decimals (half away from zero) only at the end.
/// </summary>
public static class RubricMaths
{
    /// <summary>Throws the refusal unless the scores give every dimension of the rubric, and only those, a score from 1 to 5.</summary>
    public static void ValidateScores(Rubric rubric, IReadOnlyDictionary<string, int>? scores)
    {
        if (scores is null || scores.Count == 0)
        {
            throw CollabException.Invalid("scores are required: one per rubric dimension");
        }
        foreach (var (key, score) in scores)
        {
            if (rubric.Dimensions.All(d => d.Key != key))
            {
                throw CollabException.Invalid($"the rubric has no dimension '{key}'");
            }
            if (score is < ObservationLimits.MinScore or > ObservationLimits.MaxScore)
            {
                throw CollabException.Invalid($"score of {key} is {score}; scores run from {ObservationLimits.MinScore} to {ObservationLimits.MaxScore}");
            }
        }
        var missing = rubric.Dimensions.Where(d => !scores.ContainsKey(d.Key)).Select(d => d.Key).ToList();
        if (missing.Count > 0)
        {
            throw CollabException.Invalid($"a rating scores every dimension; missing: {string.Join(", ", missing)}");
        }
    }

    /// <summary>The weighted total of one complete rating.</summary>
    public static double WeightedTotal(Rubric rubric, IReadOnlyDictionary<string, int> scores) =>
        Round(rubric.Dimensions.Sum(d => d.Weight * (double)scores[d.Key]) / ObservationLimits.MaxScore);

    public static RatingAggregate Aggregate(Rubric rubric, IReadOnlyCollection<IReadOnlyDictionary<string, int>> ratings)
    {
        if (ratings.Count == 0)
        {
            return new RatingAggregate(0, rubric.Dimensions.Select(d => new DimensionAggregate(d.Key, d.Name, d.Weight, null, null, null, null)).ToList(), 0);
        }
        var dimensions = new List<DimensionAggregate>(rubric.Dimensions.Count);
        var total = 0.0;
        foreach (var dimension in rubric.Dimensions)
        {
            var scores = ratings.Select(r => r[dimension.Key]).ToList();
            var mean = scores.Average();
            var variance = scores.Sum(s => (s - mean) * (s - mean)) / scores.Count;
            total += dimension.Weight * mean;
            dimensions.Add(new DimensionAggregate(dimension.Key, dimension.Name, dimension.Weight,
                Round(mean), scores.Min(), scores.Max(), Round(Math.Sqrt(variance))));
        }
        return new RatingAggregate(ratings.Count, dimensions, Round(total / ObservationLimits.MaxScore));
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
