using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Microsoft.Extensions.Logging;

namespace Collab.Grains.Live;

/// <summary>
/// How a live grain's changes become durable (DESIGN §4): a command of logged events alone appends them to the event
/// log (<see cref="EventJournal"/>), anything else writes the grain state as a snapshot, and every
/// <see cref="LiveStreamOptions.SnapshotEveryEvents"/> rows a snapshot is taken and the rows behind it pruned. After a
/// failed write the in-memory state is ahead of the durable one, and the store refuses to serve it again.
/// </summary>
internal sealed class LiveStore<TState>(IPersistentState<TState> store, int retainedEvents, ILogger logger) where TState : LiveState
{
    private EventJournal? _journal;
    private bool _broken;
    private bool _snapshotRequired;

    public TState State => store.State;

    /// <summary>
    /// Reads the event log back into the state when the area logs events: the rows after the snapshot go through
    /// <paramref name="apply"/>.
    /// </summary>
    public async Task OpenAsync(EventJournal? journal, CommandLogLimits limits, Action<EventEnvelope> apply)
    {
        _journal = journal;
        // A stream's first write is always a snapshot, so a grain never written has no rows either.
        if (journal is not null && store.RecordExists)
        {
            await journal.RestoreAsync(State, retainedEvents, limits, apply);
        }
    }

    /// <summary>Starts a command: it appends rows unless it asks for a snapshot.</summary>
    public void BeginCommand() => _snapshotRequired = false;

    public void RequireSnapshot() => _snapshotRequired = true;

    public Task PersistAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson) =>
        _journal is not null && store.RecordExists && !_snapshotRequired && _journal.Logs(events)
            ? _journal.AppendAsync(events, command, resultJson)
            : WriteStateAsync();

    /// <summary>Writes the grain state as a snapshot: without the events that are rows of the event log, which activation puts back.</summary>
    public async Task WriteStateAsync()
    {
        if (_journal is null)
        {
            await store.WriteStateAsync();
            return;
        }
        await WriteWindowAsync(_journal.WindowWithoutRows(State.Log.Events));
        _journal.Snapshotted();
    }

    /// <summary>Writes the grain state without its retained events of one type, which the grain keeps in a log of its own.</summary>
    public Task WriteStateWithoutAsync(string loggedType) => WriteWindowAsync(State.Log.Events.FindAll(envelope => envelope.Type != loggedType));

    /// <summary>
    /// Snapshots once enough rows are durable, and prunes the rows behind the event window. False when the snapshot
    /// failed: nothing is lost, since the rows after the last good one are replayed, but the activation must be dropped
    /// so that the next one starts from what the database holds.
    /// </summary>
    public async Task<bool> SnapshotWhenDueAsync(string stream)
    {
        if (_journal is null || !_journal.SnapshotDue)
        {
            return true;
        }
        try
        {
            await WriteStateAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Snapshotting {Stream} at seq {Seq} failed; its events stay in the event log", stream, State.Log.Seq);
            return false;
        }
        var through = State.Log.Seq - retainedEvents;
        try
        {
            await _journal.PruneAsync(through);
        }
        catch (Exception exception)
        {
            // Rows left behind cost only space; the next snapshot tries again.
            logger.LogWarning(exception, "Pruning the event log of {Stream} through seq {Seq} failed", stream, through);
        }
        return true;
    }

    /// <summary>Marks the in-memory state as ahead of the durable one, after a failed write.</summary>
    public void Break() => _broken = true;

    public void EnsureConsistent()
    {
        if (_broken)
        {
            throw new CollabException(ErrorCodes.Unavailable, "the service is recovering from a storage failure; try again");
        }
    }

    private async Task WriteWindowAsync(List<EventEnvelope> written)
    {
        var window = State.Log.Events;
        State.Log.Events = written;
        try
        {
            await store.WriteStateAsync();
        }
        finally
        {
            State.Log.Events = window;
        }
    }
}
