using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;

namespace Collab.Grains.Exams;

/// <summary>
/// The proctor's roster view of one exam, kept in memory from the attempts' summarised reports: the latest line of
/// every candidate heard of, and which lines changed since the proctors were last told. The attempts are the durable
/// truth; after a reactivation the board is empty until they are asked again (<see cref="Gather"/>), and a line heard
/// meanwhile is newer than a gathered one.
/// </summary>
public sealed class ProctorBoard(Func<string, string> nameOf)
{
    private readonly Dictionary<string, CandidateProgress> _progress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>Whether the attempts have been asked since the activation began.</summary>
    public bool Gathered { get; private set; }

    public bool HasChanges => _changed.Count > 0;

    /// <summary>A candidate nobody has heard of yet has not started: absent, named as the roster names them.</summary>
    public CandidateProgress ProgressOf(string studentId) =>
        _progress.GetValueOrDefault(studentId) ?? new CandidateProgress(studentId, nameOf(studentId), AttemptStatuses.Absent, 0, null, 0, null, null);

    /// <summary>Takes in a report of a candidate on the roster; the grain drops those of anyone else.</summary>
    public void Report(CandidateProgress progress)
    {
        _progress[progress.StudentId] = progress;
        _changed.Add(progress.StudentId);
    }

    /// <summary>Takes in the lines the attempts gave when asked, keeping any reported since.</summary>
    public void Gather(IEnumerable<CandidateProgress> lines)
    {
        foreach (var progress in lines)
        {
            _progress.TryAdd(progress.StudentId, progress);
        }
        Gathered = true;
    }

    /// <summary>The changed lines and the counts of the whole roster, once; null when nothing changed.</summary>
    public ProgressUpdatedEvent? TakeChanges(IReadOnlyList<string> roster)
    {
        if (_changed.Count == 0)
        {
            return null;
        }
        var rows = _changed.Select(ProgressOf).ToList();
        _changed.Clear();
        return new ProgressUpdatedEvent(rows, Counts(roster.Select(ProgressOf)));
    }

    /// <summary>Every one of <paramref name="candidates"/> has been heard of, and each has submitted.</summary>
    public bool AllSubmitted(int candidates) =>
        _progress.Count == candidates && _progress.Values.All(p => p.Status == AttemptStatuses.Submitted);

    /// <summary>Nobody heard of is writing or paused: each is absent or has submitted.</summary>
    public bool NoneWriting => _progress.Values.All(p => p.Status is AttemptStatuses.Absent or AttemptStatuses.Submitted);

    public static StatusCounts Counts(IEnumerable<CandidateProgress> students)
    {
        var byStatus = students.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        return new StatusCounts(
            byStatus.GetValueOrDefault(AttemptStatuses.Absent),
            byStatus.GetValueOrDefault(AttemptStatuses.Active),
            byStatus.GetValueOrDefault(AttemptStatuses.Paused),
            byStatus.GetValueOrDefault(AttemptStatuses.Submitted));
    }
}
