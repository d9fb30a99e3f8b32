using System.Diagnostics;
using System.Diagnostics.Metrics;
using Collab.Grains.Live;

namespace Collab.Silo.Database;

/// <summary>How long the node's writes wait for a write turn (<see cref="CollabDatabase.TakingTurnsAsync"/>), and how many give up.</summary>
public static class WriteTurnMetrics
{
    public const string WaitName = "collab.storage.write_turn.wait";
    public const string RefusedName = "collab.storage.write_turn.refused";

    private static readonly Meter Meter = new(LiveMetrics.MeterName);

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(WaitName, "ms",
        "time a write waited for one of the node's write turns, granted or refused");

    private static readonly Counter<long> Refused = Meter.CreateCounter<long>(RefusedName, "{write}",
        "writes refused as unavailable because no write turn came within Collab:Database:WriteTurnWait");

    public static void Waited(long queuedAt, bool granted)
    {
        Wait.Record(Stopwatch.GetElapsedTime(queuedAt).TotalMilliseconds, new KeyValuePair<string, object?>("granted", granted));
        if (!granted)
        {
            Refused.Add(1);
        }
    }
}
