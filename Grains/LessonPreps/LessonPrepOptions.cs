namespace Collab.Grains.LessonPreps;

/// <summary>Bounds of a lesson plan's live editing, bound from <c>Collab:LessonPrep</c>.</summary>
public sealed class LessonPrepOptions
{
    public const string Section = "Collab:LessonPrep";

    /// <summary>
    /// Applied ops kept in memory per plan to transform late ops against; an op made on an older revision is refused
    /// with <c>stale_revision</c> and its client re-joins.
    /// </summary>
    public int RecentOps { get; set; } = 1000;

    /// <summary>After this many ops appended to the op log, the whole plan is written as a snapshot, bounding replay at activation.</summary>
    public int SnapshotEveryOps { get; set; } = 100;

    /// <summary>
    /// The most ops one op-log write carries: ops that arrive while a write is under way go out together in the next
    /// one, up to this many (a bound on the statement's parameters, 11 per op).
    /// </summary>
    public int OpsPerWrite { get; set; } = 200;

    /// <summary>
    /// After each snapshot, at most this many op-log rows that neither the snapshot nor the transform window
    /// (<see cref="RecentOps"/>) still needs are deleted; a backlog drains over the following snapshots.
    /// </summary>
    public int PruneRowsPerSnapshot { get; set; } = 1000;

    /// <summary>
    /// The most <c>cursor.moved</c> events published per user per second; moves in between are coalesced (the latest
    /// position wins and is published when the user's next slot comes), never refused.
    /// </summary>
    public int CursorMovesPerSecond { get; set; } = 10;

    /// <summary>
    /// How soon after an edit of its reflection a personal copy reports it to its original: the edits of that while go
    /// in one report, so typing costs the original one write per interval, not one per keystroke.
    /// </summary>
    public TimeSpan ForkReportDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a personal copy that still owes a report (or its place in its owner's list) tries again.</summary>
    public TimeSpan ForkReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
