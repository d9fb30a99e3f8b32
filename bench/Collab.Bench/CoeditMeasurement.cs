using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collab.Bench;

/// <summary>
/// One measured run of edits: which op carries which scheduled edits, and each peer's receipt of them, timed from the
/// edit's scheduled time. Edits scheduled in [SteadyStart, SteadyEnd) count; ops applied are counted at each plan's
/// first editor.
/// </summary>
public sealed class CoeditMeasurement(long steadyStart, long steadyEnd)
{
    private readonly ConcurrentDictionary<(string ClientId, long ClientSeq), long[]> _editsByOp = new();
    private long _editsDue;
    private long _receipts;
    private long _appliedOps;

    public long SteadyStart => steadyStart;
    public long SteadyEnd => steadyEnd;
    public LatencyHistogram Delivery { get; } = new();
    public long EditsDue => Interlocked.Read(ref _editsDue);
    public long Receipts => Interlocked.Read(ref _receipts);
    public long AppliedOps => Interlocked.Read(ref _appliedOps);

    public bool InWindow(long timestamp) => timestamp >= steadyStart && timestamp < steadyEnd;

    /// <summary>Called under the editor's lock as it makes an edit due at <paramref name="due"/>.</summary>
    public void OnEdit(ICoeditEditor editor, long due)
    {
        editor.Unsent.Add(due);
        if (InWindow(due))
        {
            Interlocked.Increment(ref _editsDue);
        }
    }

    /// <summary>Called under the editor's lock as a new op leaves: it carries every edit not sent yet.</summary>
    public void OnSent(ICoeditEditor editor, long clientSeq)
    {
        _editsByOp[(editor.ClientId, clientSeq)] = editor.Unsent.ToArray();
        editor.Unsent.Clear();
    }

    /// <summary>An op applied at <paramref name="receiver"/>: its own acknowledged one, or a peer's carrying edits to time.</summary>
    public void OnApplied(ICoeditEditor receiver, string senderClientId, long clientSeq)
    {
        var now = Stopwatch.GetTimestamp();
        if (receiver.Index == 0 && InWindow(now))
        {
            Interlocked.Increment(ref _appliedOps);
        }
        if (senderClientId == receiver.ClientId || !_editsByOp.TryGetValue((senderClientId, clientSeq), out var edits))
        {
            return;
        }
        foreach (var due in edits.Where(InWindow))
        {
            Delivery.RecordStopwatchTicks(now - due);
            Interlocked.Increment(ref _receipts);
        }
    }
}
