using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

/// <summary>Rubric maths over many generated rubrics and ratings, with fixed seeds so a failure repeats.</summary>
public sealed class RubricPropertyTests
{
    private const double Rounding = 0.005 + 1e-9;

    public static TheoryData<int> Seeds => new() { 1, 7, 42, 2026, 31337 };

    private static Rubric RandomRubric(Random random)
    {
        var count = random.Next(ObservationLimits.MinDimensions, ObservationLimits.MaxDimensions + 1);
        // Cut 1..100 at count-1 distinct points: every weight positive, all summing to 100.
        var cuts = Enumerable.Range(1, 99).OrderBy(_ => random.Next()).Take(count - 1).Order().Prepend(0).Append(100).ToList();
        return new Rubric(Enumerable.Range(0, count).Select(i => new RubricDimension($"d{i}", $"维度{i}", cuts[i + 1] - cuts[i])).ToList());
    }

    private static List<IReadOnlyDictionary<string, int>> RandomRatings(Random random, Rubric rubric, int count) =>
        Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyDictionary<string, int>)rubric.Dimensions.ToDictionary(d => d.Key, _ => random.Next(1, 6)))
            .ToList();

    private static double ExactTotal(Rubric rubric, IReadOnlyDictionary<string, int> scores) =>
        rubric.Dimensions.Sum(d => d.Weight * (double)scores[d.Key]) / 5;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_rubrics_are_valid_and_any_weight_change_breaks_them(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var rubric = RandomRubric(random);
            Assert.Equal(rubric.Dimensions, RubricRules.Validate(rubric).Dimensions);

            var index = random.Next(rubric.Dimensions.Count);
            var delta = random.Next(2) == 0 ? -1 : 1;
            var changed = rubric.Dimensions.Select((d, i) => i == index ? d with { Weight = d.Weight + delta } : d).ToList();
            var error = Assert.Throws<CollabException>(() => RubricRules.Validate(new Rubric(changed)));
            Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_total_is_the_mean_of_the_observers_totals_and_lies_between_20_and_100(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var rubric = RandomRubric(random);
            var ratings = RandomRatings(random, rubric, random.Next(1, 41));

            var aggregate = RubricMaths.Aggregate(rubric, ratings);

            Assert.Equal(ratings.Count, aggregate.Count);
            Assert.InRange(aggregate.WeightedTotal, 20, 100);
            Assert.Equal(ratings.Average(r => ExactTotal(rubric, r)), aggregate.WeightedTotal, Rounding);
            Assert.All(ratings, r => Assert.Equal(ExactTotal(rubric, r), RubricMaths.WeightedTotal(rubric, r), Rounding));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_dimension_mean_lies_within_its_spread_and_matches_a_direct_computation(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var rubric = RandomRubric(random);
            var ratings = RandomRatings(random, rubric, random.Next(1, 41));

            var aggregate = RubricMaths.Aggregate(rubric, ratings);

            foreach (var dimension in aggregate.Dimensions)
            {
                var scores = ratings.Select(r => r[dimension.Key]).ToList();
                Assert.Equal(scores.Min(), dimension.Min);
                Assert.Equal(scores.Max(), dimension.Max);
                Assert.Equal(scores.Average(), dimension.Mean!.Value, Rounding);
                Assert.InRange(dimension.Mean.Value, dimension.Min!.Value, dimension.Max!.Value);
                // A spread never exceeds half the range, and is zero exactly when all agree.
                Assert.InRange(dimension.StdDev!.Value, 0, (dimension.Max.Value - dimension.Min.Value) / 2.0 + Rounding);
                Assert.Equal(dimension.Min == dimension.Max, dimension.StdDev == 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_order_of_ratings_does_not_matter(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var rubric = RandomRubric(random);
            var ratings = RandomRatings(random, rubric, random.Next(2, 30));
            var shuffled = ratings.OrderBy(_ => random.Next()).ToList();

            var first = RubricMaths.Aggregate(rubric, ratings);
            var second = RubricMaths.Aggregate(rubric, shuffled);

            Assert.Equal(first.WeightedTotal, second.WeightedTotal);
            Assert.Equal(first.Dimensions, second.Dimensions);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Raising_one_score_raises_the_total_by_its_weight_over_five_ratings(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var rubric = RandomRubric(random);
            var ratings = RandomRatings(random, rubric, random.Next(1, 20));
            var who = random.Next(ratings.Count);
            var raisable = rubric.Dimensions.Where(d => ratings[who][d.Key] < 5).ToList();
            if (raisable.Count == 0)
            {
                continue;
            }
            var dimension = raisable[random.Next(raisable.Count)];
            var raised = ratings.Select((r, i) => i != who
                ? r
                : (IReadOnlyDictionary<string, int>)r.ToDictionary(s => s.Key, s => s.Key == dimension.Key ? s.Value + 1 : s.Value)).ToList();

            var before = RubricMaths.Aggregate(rubric, ratings).WeightedTotal;
            var after = RubricMaths.Aggregate(rubric, raised).WeightedTotal;

            Assert.Equal(before + dimension.Weight / 5.0 / ratings.Count, after, 2 * Rounding);
        }
    }
}
