using System.Diagnostics.Metrics;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>
/// Counts the ops the plan grain reports as waiting for an op-log write under way (its own metric), so a test knows
/// they are queued without sleeping. The grain tests run one at a time, so every count is the running test's.
/// </summary>
public sealed class WaitedOps : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private long _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WaitedOps()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveMetrics.MeterName && instrument.Name == LessonPrepMetrics.OpsWaitedName)
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
