namespace Collab.Grains.Live;

/// <summary>
/// A grain timer that fires once, in a turn of its own, however often it is asked for before it fires: a request
/// while one is pending changes nothing, and after it fired the next request arms it again.
/// </summary>
public sealed class OneShotTimer(IGrainBase grain, Func<Task> tick)
{
    private IGrainTimer? _timer;

    public OneShotTimer(IGrainBase grain, Action tick) : this(grain, () =>
    {
        tick();
        return Task.CompletedTask;
    })
    {
    }

    public void Request(TimeSpan due) =>
        _timer ??= grain.RegisterGrainTimer(async _ =>
        {
            _timer?.Dispose();
            _timer = null;
            await tick();
        }, due, Timeout.InfiniteTimeSpan);
}
