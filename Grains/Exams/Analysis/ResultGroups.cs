using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Grains.Exams.Analysis;

/// <summary>
/// The results by group (PROTOCOL §7): every rostered student counts in one group; the score figures are over those
/// who submitted, like <see cref="ResultStatistics"/>. Groups come in key order (ordinal), the unplaced one first.
/// </summary>
public static class ResultGroups
{
    public static IReadOnlyList<ResultGroup> By(IReadOnlyList<StudentResult> students, Func<StudentResult, ResultGrouping.Group> groupOf) =>
        students
            .GroupBy(groupOf, new KeyOnly())
            .OrderBy(group => group.Key.Key, StringComparer.Ordinal)
            .Select(group => Summarise(group.Key, group.ToList()))
            .ToList();

    private static ResultGroup Summarise(ResultGrouping.Group group, List<StudentResult> members)
    {
        var scores = members.Where(m => m.Status == AttemptStatuses.Submitted).Select(m => m.Score).Order().ToList();
        return scores.Count == 0
            ? new ResultGroup(group.Key, group.Name, members.Count, 0, null, null, null, null)
            : new ResultGroup(group.Key, group.Name, members.Count, scores.Count, Round(scores.Sum() / scores.Count), Median(scores), scores[^1], scores[0]);
    }

    private static decimal Median(List<decimal> sorted) =>
        Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2);

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A group is its key; the name rides along (the first student's, and every student of a key has the same).</summary>
    private sealed class KeyOnly : IEqualityComparer<ResultGrouping.Group>
    {
        public bool Equals(ResultGrouping.Group x, ResultGrouping.Group y) => string.Equals(x.Key, y.Key, StringComparison.Ordinal);

        public int GetHashCode(ResultGrouping.Group group) => StringComparer.Ordinal.GetHashCode(group.Key);
    }
}
