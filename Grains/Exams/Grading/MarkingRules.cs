using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// Where the marks given to one short answer lead. Single marking: the first mark stands. Double marking: two marks
/// within the tolerance are averaged; otherwise a third marker's mark is averaged with the nearer of the first two
/// (the higher on a tie) when within the tolerance of it; otherwise the group head's arbitration is final.
/// </summary>
public static class MarkingRules
{
    private static readonly MarkingOutcome AnotherMarker = new(null, true, false);

    /// <summary>
    /// <paramref name="marks"/> in the order given; marks beyond those the policy needs are ignored, and so is an
    /// <paramref name="arbitration"/> given before it is needed.
    /// </summary>
    public static MarkingOutcome Resolve(MarkingPolicy policy, IReadOnlyList<decimal> marks, decimal? arbitration)
    {
        if (policy.Mode != MarkingPolicy.DoubleMode)
        {
            return marks.Count == 0 ? AnotherMarker : Final(marks[0]);
        }
        if (marks.Count < 2)
        {
            return AnotherMarker;
        }
        decimal first = marks[0], second = marks[1];
        if (Within(first, second, policy.Tolerance))
        {
            return Final(Mean(first, second));
        }
        if (marks.Count < 3)
        {
            return AnotherMarker;
        }
        var third = marks[2];
        var nearer = Math.Abs(third - first) < Math.Abs(third - second) ? first
            : Math.Abs(third - second) < Math.Abs(third - first) ? second
            : Math.Max(first, second);
        if (Within(third, nearer, policy.Tolerance))
        {
            return Final(Mean(third, nearer));
        }
        return arbitration is { } decided ? Final(decided) : new MarkingOutcome(null, false, true);
    }

    private static MarkingOutcome Final(decimal points) => new(points, false, false);

    private static bool Within(decimal a, decimal b, decimal tolerance) => Math.Abs(a - b) <= tolerance;

    private static decimal Mean(decimal a, decimal b) => decimal.Round((a + b) / 2, 2, MidpointRounding.AwayFromZero);
}
