using System.Diagnostics.Metrics;
using Collab.Grains.Live;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// Adds up one of the grains' counters (e.g. ops or saves waiting for a write under way), so a test knows they are
/// queued without sleeping. The grain tests run one at a time, so every count is the running test's.
/// </summary>
public sealed class MeasuredCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private long _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MeasuredCount(string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveMetrics.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            lock (_gate)
            {
                _count += value;
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        });
        _listener.Start();
    }

    /// <summary>The sum so far (to wait for a number more than now, when earlier work may still add to it).</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public async Task ReachAsync(long count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_count >= count)
                {
                    return;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancel.Token);
        }
    }

    public void Dispose() => _listener.Dispose();
}
