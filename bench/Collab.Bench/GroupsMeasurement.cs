using System.Diagnostics;

namespace Collab.Bench;

/// <summary>
/// What the groups scenario observes. Latency runs from a post's scheduled send time (not the moment the client got
/// round to sending it) to each member's receipt, so queuing anywhere, the load generator included, shows.
/// Posts due inside the steady window are measured; throughput and server CPU use receipts inside that window.
/// </summary>
public sealed class GroupsMeasurement(long intervalTicks)
{
    private const int KeptErrorSamples = 5;

    private readonly List<string> _errorSamples = [];
    private long _steadyDelivered;
    private long _deliveredInWindow;
    private long _postsDue;
    private long _ackedSteady;
    private long _postFailures;
    private long _gaps;
    private long _duplicates;
    private long _connectionsLost;

    public LatencyHistogram Delivery { get; } = new();
    public LatencyHistogram Ack { get; } = new();
    public LatencyHistogram SendLag { get; } = new();

    public long SteadyStart { get; set; }
    public long SteadyEnd { get; set; }

    /// <summary>While false (set-up, tear-down), a closing connection is not an error.</summary>
    public volatile bool Running;

    public long SteadyDelivered => Interlocked.Read(ref _steadyDelivered);
    public long DeliveredInWindow => Interlocked.Read(ref _deliveredInWindow);
    public long PostsDue => Interlocked.Read(ref _postsDue);
    public long AckedSteady => Interlocked.Read(ref _ackedSteady);
    public long PostFailures => Interlocked.Read(ref _postFailures);
    public long Gaps => Interlocked.Read(ref _gaps);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long ConnectionsLost => Interlocked.Read(ref _connectionsLost);

    public IReadOnlyList<string> ErrorSamples
    {
        get
        {
            lock (_errorSamples)
            {
                return _errorSamples.ToList();
            }
        }
    }

    public bool IsSteady(long scheduled) => scheduled >= SteadyStart && scheduled < SteadyEnd;

    public void OnEvent(BenchGroup group, BenchMember member, DeliveredEvent envelope)
    {
        if (envelope.Type != "message.posted" || envelope.Data is not { } data || data.ClientId != group.Poster.ClientId)
        {
            return; // presence and membership events, or someone else's posts
        }
        var now = Stopwatch.GetTimestamp();
        if (envelope.Seq <= member.LastSeq)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        if (envelope.Seq != member.LastSeq + 1)
        {
            Interlocked.Increment(ref _gaps);
            Remember($"{member.UserId}: seq {envelope.Seq} after {member.LastSeq}");
        }
        member.LastSeq = envelope.Seq;

        var scheduled = group.ScheduleStart + data.ClientSeq * intervalTicks;
        if (IsSteady(scheduled))
        {
            Delivery.RecordStopwatchTicks(now - scheduled);
            Interlocked.Increment(ref _steadyDelivered);
        }
        if (now >= SteadyStart && now < SteadyEnd)
        {
            Interlocked.Increment(ref _deliveredInWindow);
        }
    }

    public void OnSend(long scheduled, long now)
    {
        if (IsSteady(scheduled))
        {
            Interlocked.Increment(ref _postsDue);
            SendLag.RecordStopwatchTicks(now - scheduled);
        }
    }

    public void OnAcked(long scheduled, long now)
    {
        if (IsSteady(scheduled))
        {
            Interlocked.Increment(ref _ackedSteady);
            Ack.RecordStopwatchTicks(now - scheduled);
        }
    }

    public void OnPostFailed(Exception error)
    {
        Interlocked.Increment(ref _postFailures);
        Remember($"PostMessage: {error.GetType().Name}: {error.Message}");
    }

    public void OnClosed(Exception? error)
    {
        if (Running)
        {
            Interlocked.Increment(ref _connectionsLost);
            Remember($"connection closed: {error?.Message ?? "by the server"}");
        }
    }

    private void Remember(string error)
    {
        lock (_errorSamples)
        {
            if (_errorSamples.Count < KeptErrorSamples)
            {
                _errorSamples.Add(error);
            }
        }
    }
}
