using System.Diagnostics;
using HdrHistogram;

namespace Collab.Bench;

/// <summary>Latencies in microseconds, recorded concurrently from every connection's receive loop.</summary>
public sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 120_000_000; // two minutes: anything slower is clamped, not lost

    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);

    public void RecordStopwatchTicks(long ticks)
    {
        var microseconds = ticks * 1_000_000 / Stopwatch.Frequency;
        _histogram.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));
    }

    public LatencySummary Summarize() =>
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
