using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Live;

/// <summary>
/// The event-log half of a live grain's persistence (DESIGN §4), the same for every area: a command whose events are
/// all of the types the area logs (a post, a note, a stroke) appends them as rows of <c>stream_events</c> through the
/// node-wide group commit instead of rewriting the grain; every other command, and every
/// <see cref="LiveStreamOptions.SnapshotEveryEvents"/> rows, writes the grain state as a snapshot. The snapshot's event
/// window leaves out the events that are rows, so it holds the area's own data rather than its history; activation
/// reads the rows back, refills the window with those the snapshot has seen and replays the later ones.
/// </summary>
internal sealed class EventJournal(ILiveEventLog log, string stream, IReadOnlySet<string> loggedTypes, LiveStreamOptions options, bool chainEveryone = false)
{
    /// <summary>
    /// The window's events as they were written as rows, so a snapshot leaves out exactly those. An event the area has
    /// since replaced in the window (a finished tutoring session's strokes lose their points) is another instance, and
    /// the snapshot keeps it, and activation prefers it to its row.
    /// </summary>
    private readonly Dictionary<long, EventEnvelope> _rows = [];

    private int _rowsSinceSnapshot;

    public bool SnapshotDue => _rowsSinceSnapshot >= options.SnapshotEveryEvents;

    /// <summary>Whether these events, a command's whole output, go to the log: all of logged types, and at least one.</summary>
    public bool Logs(IReadOnlyList<EventEnvelope> events) => events.Count > 0 && events.All(e => loggedTypes.Contains(e.Type));

    /// <summary>
    /// Appends the events as rows, all or none. The command that caused them (and its result) rides on the first row, so
    /// a resend after a restart is answered as the first time.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson)
    {
        var rows = events.Select((envelope, i) => i == 0 && command is not null
            ? Row(envelope) with { UserId = command.UserId, ClientId = command.ClientId, ClientSeq = command.ClientSeq, ResultJson = resultJson }
            : Row(envelope)).ToList();
        await log.AppendAsync(rows);
        foreach (var envelope in events)
        {
            _rows[envelope.Seq] = envelope;
        }
        _rowsSinceSnapshot += rows.Count;
    }

    /// <summary>The window as a snapshot keeps it: without the events that are rows.</summary>
    public List<EventEnvelope> WindowWithoutRows(List<EventEnvelope> window)
    {
        foreach (var seq in _rows.Keys.Where(seq => window.Count == 0 || seq < window[0].Seq).ToList())
        {
            _rows.Remove(seq);
        }
        return window.FindAll(envelope => !(_rows.TryGetValue(envelope.Seq, out var row) && ReferenceEquals(row, envelope)));
    }

    public void Snapshotted() => _rowsSinceSnapshot = 0;

    /// <summary>
    /// Puts the rows back after the snapshot was read: those up to its seq into the event window, and the later ones,
    /// which the snapshot has not seen, through <paramref name="apply"/> and into the command results, in seq order.
    /// </summary>
    public async Task RestoreAsync(LiveState state, int retain, CommandLogLimits limits, Action<EventEnvelope> apply)
    {
        var snapshotSeq = state.Log.Seq;
        var rows = await log.ReadAfterAsync(stream, Math.Max(0, snapshotSeq - retain));
        var seen = rows.Where(row => row.Seq <= snapshotSeq).Select(Envelope).ToList();
        foreach (var envelope in seen)
        {
            _rows[envelope.Seq] = envelope;
        }
        state.Log.Restore(seen, retain);
        foreach (var row in rows.Where(row => row.Seq > snapshotSeq))
        {
            var envelope = state.Log.Append(stream, row.Type, row.At, row.DataJson, row.Audience, retain, row.Audiences?.ToArray(), row.AudienceGroup,
                chainEveryone: chainEveryone);
            if (envelope.Seq != row.Seq)
            {
                throw new InvalidOperationException($"event log of {stream} skips from seq {envelope.Seq - 1} to {row.Seq}");
            }
            _rows[envelope.Seq] = envelope;
            apply(envelope);
            // Rows written before the log kept the caller (user_id '') cannot be told apart by user, so they answer no resend.
            if (row.ClientId.Length > 0 && row.UserId.Length > 0)
            {
                state.Commands.Record(new CommandKey(row.UserId, row.ClientId, row.ClientSeq), row.ResultJson, row.At, limits);
            }
            _rowsSinceSnapshot++;
        }
    }

    /// <summary>Deletes rows that neither the snapshot nor the retained window needs, a bounded batch at a time.</summary>
    public Task<int> PruneAsync(long throughSeq) =>
        throughSeq <= 0 ? Task.FromResult(0) : log.PruneAsync(stream, throughSeq, options.PruneRowsPerSnapshot);

    private LiveEventRow Row(EventEnvelope envelope) =>
        new(stream, envelope.Seq, envelope.Type, envelope.DataJson, "", 0, "", envelope.At, "", envelope.Audience, envelope.Audiences, envelope.AudienceGroup);

    private EventEnvelope Envelope(LiveEventRow row) =>
        new(stream, row.Seq, row.Type, row.At, row.DataJson, row.Audience, row.Audiences?.ToArray(), row.AudienceGroup);
}
