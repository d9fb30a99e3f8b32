using System.Diagnostics.Metrics;

namespace Collab.Silo.Tests.LessonPreps;

/// <summary>Counts and sums what an integer histogram records with one <c>table</c> tag while it is alive.</summary>
internal sealed class HistogramReading : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;
    private long _sum;

    public HistogramReading(string instrument, string table)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "table" && Equals(tag.Value, table))
                {
                    Interlocked.Increment(ref _count);
                    Interlocked.Add(ref _sum, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public long Sum => Interlocked.Read(ref _sum);

    public void Dispose() => _listener.Dispose();
}
