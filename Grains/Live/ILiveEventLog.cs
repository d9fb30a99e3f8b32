namespace Collab.Grains.Live;

/// <summary>
/// The append-only event log of streams whose frequent commands only add to them (a feed post), in a project-owned
/// table: such a command appends one row instead of rewriting the grain's state with its whole event window.
/// </summary>
public interface ILiveEventLog
{
    /// <summary>Makes the rows durable together: either every row is committed when the task completes, or none is.</summary>
    Task AppendAsync(IReadOnlyList<LiveEventRow> rows);

    /// <summary>The stream's rows with a seq after <paramref name="afterSeq"/>, oldest first.</summary>
    Task<IReadOnlyList<LiveEventRow>> ReadAfterAsync(string stream, long afterSeq);

    /// <summary>Deletes at most <paramref name="maxRows"/> of the stream's oldest rows up to <paramref name="throughSeq"/>; returns how many went.</summary>
    Task<int> PruneAsync(string stream, long throughSeq, int maxRows);
}
