namespace Collab.Grains.Groups;

/// <summary>How a group keeps its feed, bound from <c>Collab:Groups</c>.</summary>
public sealed class GroupOptions
{
    public const string Section = "Collab:Groups";

    /// <summary>After this many posts appended to the event log, the whole group is written as a snapshot, bounding replay at activation.</summary>
    public int SnapshotEveryPosts { get; set; } = 100;

    /// <summary>
    /// After each snapshot, at most this many event-log rows that neither the snapshot nor the retained event window
    /// still needs are deleted; a backlog drains over the following snapshots.
    /// </summary>
    public int PruneRowsPerSnapshot { get; set; } = 500;
}
