namespace Collab.Grains.Live;

/// <summary>Bounds of every live grain, bound from <c>Collab:Live</c>.</summary>
public sealed class LiveStreamOptions
{
    public const string Section = "Collab:Live";

    /// <summary>Events kept per stream for <c>Sync</c>; a client further behind gets a snapshot.</summary>
    public int RetainedEvents { get; set; } = 500;

    public int CommandResultsPerClient { get; set; } = 32;

    /// <summary>Client ids (tabs, devices) remembered per user; a user who invents more forgets only their own oldest.</summary>
    public int CommandClientsPerUser { get; set; } = 16;

    public int CommandUsers { get; set; } = 500;

    /// <summary>After this many events appended to the event log, the grain is written as a snapshot, bounding replay at activation.</summary>
    public int SnapshotEveryEvents { get; set; } = 100;

    /// <summary>
    /// After each snapshot, at most this many event-log rows that neither the snapshot nor the retained event window
    /// still needs are deleted; a backlog drains over the following snapshots.
    /// </summary>
    public int PruneRowsPerSnapshot { get; set; } = 500;

    /// <summary>
    /// How often a grain inside a group (a plan, an observation) reads the group's whole member list again. Removals
    /// are told at once; this bounds only a removal the group could not tell (its node failing in between).
    /// </summary>
    public TimeSpan MembersRereadInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a grain drops the nodes whose subscription expired (and their users' presence).</summary>
    public TimeSpan NodeSweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
