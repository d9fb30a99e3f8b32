using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>The order of a student's exam list: what they can start now, then what comes next, then what is behind them.</summary>
public static class CandidateExamOrder
{
    public static IReadOnlyList<CandidateExam> Sort(IEnumerable<CandidateExam> exams)
    {
        var all = exams.ToList();
        return all.Where(e => e.Status == ExamStatuses.Open).OrderBy(e => e.JoinClosesAt).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Concat(all.Where(e => e.Status == ExamStatuses.Published).OrderBy(e => e.OpensAt).ThenBy(e => e.Id, StringComparer.Ordinal))
            .Concat(all.Where(e => e.Status is not (ExamStatuses.Open or ExamStatuses.Published))
                .OrderByDescending(e => e.OpensAt).ThenBy(e => e.Id, StringComparer.Ordinal))
            .ToList();
    }
}
