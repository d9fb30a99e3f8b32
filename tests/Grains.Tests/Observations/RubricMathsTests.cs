using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;

namespace Collab.Grains.Tests.Observations;

public sealed class RubricMathsTests
{
    private static readonly Rubric SeventyThirty = new([new("a", "A", 70), new("b", "B", 30)]);

    private static readonly Rubric Uneven = new([new("a", "A", 50), new("b", "B", 35), new("c", "C", 15)]);

    private static IReadOnlyDictionary<string, int> Scores(params (string Key, int Score)[] scores) =>
        scores.ToDictionary(s => s.Key, s => s.Score);

    private static DimensionAggregate Dimension(RatingAggregate aggregate, string key) => aggregate.Dimensions.Single(d => d.Key == key);

    [Fact]
    public void Two_ratings_on_seventy_thirty_weights_give_means_spreads_and_a_total_of_65()
    {
        var aggregate = RubricMaths.Aggregate(SeventyThirty, [Scores(("a", 5), ("b", 1)), Scores(("a", 3), ("b", 2))]);

        Assert.Equal(2, aggregate.Count);
        Assert.Equal(new DimensionAggregate("a", "A", 70, 4, 3, 5, 1), Dimension(aggregate, "a"));
        Assert.Equal(new DimensionAggregate("b", "B", 30, 1.5, 1, 2, 0.5), Dimension(aggregate, "b"));
        // (70 × 4 + 30 × 1.5) / 5
        Assert.Equal(65, aggregate.WeightedTotal);
    }

    [Fact]
    public void Three_ratings_on_fifty_thirty_five_fifteen_round_only_at_the_end()
    {
        var aggregate = RubricMaths.Aggregate(Uneven,
        [
            Scores(("a", 5), ("b", 2), ("c", 1)),
            Scores(("a", 4), ("b", 3), ("c", 1)),
            Scores(("a", 4), ("b", 5), ("c", 2)),
        ]);

        Assert.Equal(new DimensionAggregate("a", "A", 50, 4.33, 4, 5, 0.47), Dimension(aggregate, "a"));
        Assert.Equal(new DimensionAggregate("b", "B", 35, 3.33, 2, 5, 1.25), Dimension(aggregate, "b"));
        Assert.Equal(new DimensionAggregate("c", "C", 15, 1.33, 1, 2, 0.47), Dimension(aggregate, "c"));
        // (50 × 13/3 + 35 × 10/3 + 15 × 4/3) / 5 = 1060/15 = 70.666…; the rounded means would give 70.6.
        Assert.Equal(70.67, aggregate.WeightedTotal);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 4.33, ["b"] = 3.33, ["c"] = 1.33 }, aggregate.Means);
    }

    [Theory]
    [InlineData(5, 100)]
    [InlineData(4, 80)]
    [InlineData(3, 60)]
    [InlineData(1, 20)]
    public void A_uniform_score_maps_to_a_fifth_of_the_full_marks_per_point(int score, double total)
    {
        var rating = DefaultRubric.Create().Dimensions.ToDictionary(d => d.Key, _ => score);

        Assert.Equal(total, RubricMaths.WeightedTotal(DefaultRubric.Create(), rating));
        var aggregate = RubricMaths.Aggregate(DefaultRubric.Create(), [rating, rating]);
        Assert.Equal(total, aggregate.WeightedTotal);
        Assert.All(aggregate.Dimensions, d => Assert.Equal(0, d.StdDev));
    }

    [Fact]
    public void The_default_rubric_weights_each_dimension_by_its_own_weight()
    {
        var rating = Scores(("objectives", 5), ("content", 4), ("methods", 3), ("organisation", 2), ("effect", 1), ("skill", 5));

        // (15×5 + 20×4 + 20×3 + 15×2 + 20×1 + 10×5) / 5 = 315 / 5
        Assert.Equal(63, RubricMaths.WeightedTotal(DefaultRubric.Create(), rating));
    }

    [Fact]
    public void Means_round_half_away_from_zero()
    {
        var ratings = Enumerable.Repeat(Scores(("a", 1), ("b", 1)), 7).Append(Scores(("a", 2), ("b", 1))).ToList();

        var aggregate = RubricMaths.Aggregate(SeventyThirty, ratings);

        Assert.Equal(1.13, Dimension(aggregate, "a").Mean);
        // (70 × 1.125 + 30 × 1) / 5 = 21.75
        Assert.Equal(21.75, aggregate.WeightedTotal);
    }

    [Fact]
    public void No_ratings_give_a_count_of_zero_and_no_means()
    {
        var aggregate = RubricMaths.Aggregate(Uneven, []);

        Assert.Equal(0, aggregate.Count);
        Assert.Equal(0, aggregate.WeightedTotal);
        Assert.Empty(aggregate.Means);
        Assert.Equal(["a", "b", "c"], aggregate.Dimensions.Select(d => d.Key));
        Assert.All(aggregate.Dimensions, d => Assert.Null(d.Mean));
    }

    [Fact]
    public void A_single_rating_has_no_spread()
    {
        var aggregate = RubricMaths.Aggregate(SeventyThirty, [Scores(("a", 2), ("b", 5))]);

        Assert.Equal(new DimensionAggregate("a", "A", 70, 2, 2, 2, 0), Dimension(aggregate, "a"));
        Assert.Equal(58, aggregate.WeightedTotal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void A_score_outside_one_to_five_is_invalid(int score)
    {
        var error = Assert.Throws<CollabException>(() => RubricMaths.ValidateScores(SeventyThirty, Scores(("a", score), ("b", 3))));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Contains("score of a", error.Message);
    }

    [Fact]
    public void Unknown_missing_or_no_dimensions_are_invalid_and_a_complete_rating_passes()
    {
        var unknown = Assert.Throws<CollabException>(() => RubricMaths.ValidateScores(SeventyThirty, Scores(("a", 3), ("b", 3), ("zz", 3))));
        Assert.Contains("no dimension 'zz'", unknown.Message);
        var missing = Assert.Throws<CollabException>(() => RubricMaths.ValidateScores(SeventyThirty, Scores(("a", 3))));
        Assert.Contains("missing: b", missing.Message);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(() => RubricMaths.ValidateScores(SeventyThirty, Scores())).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(() => RubricMaths.ValidateScores(SeventyThirty, null)).Code);

        RubricMaths.ValidateScores(SeventyThirty, Scores(("a", 1), ("b", 5)));
    }
}
