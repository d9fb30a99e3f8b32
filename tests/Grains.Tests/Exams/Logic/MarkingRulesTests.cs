using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class MarkingRulesTests
{
    private static readonly MarkingOutcome AnotherMarker = new(null, true, false);
    private static readonly MarkingOutcome Arbitration = new(null, false, true);

    private static MarkingOutcome Final(decimal points) => new(points, false, false);

    private static MarkingPolicy Double(decimal tolerance) => new(MarkingPolicy.DoubleMode, tolerance);

    [Fact]
    public void Single_marking_takes_the_first_mark()
    {
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(MarkingPolicy.Default, [], null));
        Assert.Equal(Final(7), MarkingRules.Resolve(MarkingPolicy.Default, [7], null));
        Assert.Equal(Final(0), MarkingRules.Resolve(MarkingPolicy.Default, [0], null));
        Assert.Equal(Final(7), MarkingRules.Resolve(MarkingPolicy.Default, [7, 2, 9], null));
    }

    [Fact]
    public void Single_marking_ignores_an_arbitration()
    {
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(MarkingPolicy.Default, [], 5));
        Assert.Equal(Final(7), MarkingRules.Resolve(MarkingPolicy.Default, [7], 5));
    }

    [Fact]
    public void Double_marking_needs_two_marks()
    {
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(Double(1), [], null));
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(Double(1), [5], null));
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(Double(1), [5], 5));
    }

    [Theory]
    [InlineData(5, 6, 1, 5.5)]
    [InlineData(6, 5, 1, 5.5)]
    [InlineData(5, 5, 0, 5)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1.01, 1.02, 0.5, 1.02)]
    [InlineData(1.02, 1.01, 0.5, 1.02)]
    [InlineData(3, 7, 4, 5)]
    [InlineData(8.5, 9.25, 0.75, 8.88)]
    public void Two_marks_within_the_tolerance_are_averaged_to_the_cent(decimal first, decimal second, decimal tolerance, decimal final) =>
        Assert.Equal(Final(final), MarkingRules.Resolve(Double(tolerance), [first, second], null));

    [Theory]
    [InlineData(5, 6.5, 1)]
    [InlineData(5, 5.01, 0)]
    [InlineData(0, 10, 9.99)]
    public void Two_marks_apart_need_a_third_marker(decimal first, decimal second, decimal tolerance) =>
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(Double(tolerance), [first, second], null));

    [Theory]
    [InlineData(5, 6.5, 6, 1, 6.25)]
    [InlineData(5, 6.5, 5.5, 1, 5.25)]
    [InlineData(5, 6.5, 4, 1, 4.5)]
    [InlineData(5, 6.5, 7.5, 1, 7)]
    [InlineData(4, 8, 6, 2, 7)]
    [InlineData(8, 4, 6, 2, 7)]
    [InlineData(0, 10, 10, 0, 10)]
    [InlineData(2, 3.01, 2.5, 0.5, 2.25)]
    [InlineData(2, 3, 2.5, 0.5, 2.75)]
    public void A_third_mark_within_the_tolerance_is_averaged_with_the_nearer_of_the_first_two_the_higher_on_a_tie(
        decimal first, decimal second, decimal third, decimal tolerance, decimal final) =>
        Assert.Equal(Final(final), MarkingRules.Resolve(Double(tolerance), [first, second, third], null));

    [Theory]
    [InlineData(0, 10, 5, 1)]
    [InlineData(2, 6, 10, 2)]
    [InlineData(5, 6, 9, 0)]
    public void A_third_mark_out_of_tolerance_needs_arbitration_which_then_is_final(decimal first, decimal second, decimal third, decimal tolerance)
    {
        Assert.Equal(Arbitration, MarkingRules.Resolve(Double(tolerance), [first, second, third], null));
        Assert.Equal(Final(4), MarkingRules.Resolve(Double(tolerance), [first, second, third], 4));
        Assert.Equal(Final(0), MarkingRules.Resolve(Double(tolerance), [first, second, third], 0));
    }

    [Fact]
    public void An_early_arbitration_and_marks_beyond_the_third_are_ignored()
    {
        Assert.Equal(AnotherMarker, MarkingRules.Resolve(Double(1), [0, 10], 3));
        Assert.Equal(Final(5.5m), MarkingRules.Resolve(Double(1), [5, 6], 9));
        Assert.Equal(Final(9.5m), MarkingRules.Resolve(Double(1), [0, 10, 9, 1, 1], 3));
    }

    [Fact]
    public void Random_marks_always_resolve_to_exactly_one_outcome_within_the_marks_or_the_arbitration()
    {
        var random = new Random(1618);
        decimal Mark() => random.Next(0, 2001) / 100m;
        for (var i = 0; i < 20_000; i++)
        {
            var policy = random.Next(3) == 0 ? MarkingPolicy.Default : Double(random.Next(0, 501) / 100m);
            var marks = Enumerable.Range(0, random.Next(0, 5)).Select(_ => Mark()).ToList();
            decimal? arbitration = random.Next(2) == 0 ? Mark() : null;
            var outcome = MarkingRules.Resolve(policy, marks, arbitration);

            Assert.Equal(1, (outcome.Final is null ? 0 : 1) + (outcome.NeedsAnotherMarker ? 1 : 0) + (outcome.NeedsArbitration ? 1 : 0));
            var needed = policy.Mode == MarkingPolicy.DoubleMode ? 2 : 1;
            if (marks.Count < needed)
            {
                Assert.True(outcome.NeedsAnotherMarker);
            }
            if (policy.Mode == MarkingPolicy.SingleMode && marks.Count > 0)
            {
                Assert.Equal(marks[0], outcome.Final);
            }
            if (outcome.NeedsArbitration)
            {
                Assert.Null(arbitration);
                Assert.True(marks.Count >= 3);
            }
            if (outcome.Final is { } final)
            {
                Assert.Equal(final, decimal.Round(final, 2));
                var used = marks.Take(policy.Mode == MarkingPolicy.DoubleMode ? 3 : 1).ToList();
                Assert.True(final == arbitration || (final >= used.Min() && final <= used.Max()),
                    $"final {final} lies outside the marks {string.Join(", ", used)} and is not the arbitration {arbitration}");
            }
            if (policy.Mode == MarkingPolicy.DoubleMode && marks.Count >= 2 && Math.Abs(marks[0] - marks[1]) <= policy.Tolerance)
            {
                Assert.Equal(decimal.Round((marks[0] + marks[1]) / 2, 2, MidpointRounding.AwayFromZero), outcome.Final);
            }
        }
    }

    [Fact]
    public void Random_marks_once_final_stay_final_whatever_marks_come_later()
    {
        var random = new Random(31415);
        for (var i = 0; i < 5000; i++)
        {
            var policy = random.Next(2) == 0 ? MarkingPolicy.Default : Double(random.Next(0, 301) / 100m);
            var marks = Enumerable.Range(0, 5).Select(_ => random.Next(0, 1001) / 100m).ToList();
            MarkingOutcome? settled = null;
            for (var count = 0; count <= marks.Count; count++)
            {
                var outcome = MarkingRules.Resolve(policy, marks.Take(count).ToList(), null);
                if (settled is not null)
                {
                    Assert.Equal(settled, outcome);
                }
                else if (outcome.Final is not null || outcome.NeedsArbitration)
                {
                    settled = outcome;
                }
            }
            Assert.NotNull(settled);
        }
    }
}
