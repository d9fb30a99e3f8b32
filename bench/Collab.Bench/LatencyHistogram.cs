using System.Diagnostics;
using HdrHistogram;

namespace Collab.Bench;

/// <summary>
/// Latencies in microseconds, recorded concurrently from every connection's receive loop. One lock around a plain
/// histogram: HdrHistogram's concurrent one cannot be read while late receipts are still being recorded.
/// </summary>
public sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 120_000_000; // two minutes: anything slower is clamped, not lost

    private readonly LongHistogram _histogram = new(1, HighestMicroseconds, 3);
    private readonly Lock _gate = new();

    public void RecordStopwatchTicks(long ticks)
    {
        var microseconds = ticks * 1_000_000 / Stopwatch.Frequency;
        lock (_gate)
        {
            _histogram.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));
        }
    }

    public LatencySummary Summarize()
    {
        lock (_gate)
        {
            return SummarizeLocked();
        }
    }

    private LatencySummary SummarizeLocked() =>
        _histogram.TotalCount == 0
            ? new LatencySummary(0, 0, 0, 0, 0)
            : new LatencySummary(
                _histogram.TotalCount,
                Milliseconds(_histogram.GetValueAtPercentile(50)),
                Milliseconds(_histogram.GetValueAtPercentile(95)),
                Milliseconds(_histogram.GetValueAtPercentile(99)),
                Milliseconds(_histogram.GetMaxValue()));

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
