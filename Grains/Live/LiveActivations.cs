using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Collab.Grains.Live;

/// <summary>
/// How many live grains this silo holds now, by area: <c>tutoring</c> is the tutoring rooms in use, <c>exam-attempts</c>
/// the candidates' attempts, and so on. An observable gauge, so counting costs an interlocked add per activation and
/// nothing between collections. One per host (from its <see cref="IMeterFactory"/>), so hosts in one process keep
/// their own figures.
/// </summary>
public sealed class LiveActivations
{
    private readonly ConcurrentDictionary<string, Count> _byArea = new();

    public LiveActivations(IMeterFactory meters)
    {
        var meter = meters.Create(LiveMetrics.MeterName);
        meter.CreateObservableGauge("collab.live.activations", Observe, description: "live grains active in this silo, by area");
    }

    public void Activated(string area) => Interlocked.Increment(ref _byArea.GetOrAdd(area, _ => new Count()).Value);

    public void Deactivated(string area) => Interlocked.Decrement(ref _byArea.GetOrAdd(area, _ => new Count()).Value);

    private IEnumerable<Measurement<long>> Observe() =>
        _byArea.Select(pair => new Measurement<long>(Interlocked.Read(ref pair.Value.Value), new KeyValuePair<string, object?>("area", pair.Key)));

    private sealed class Count
    {
        public long Value;
    }
}
