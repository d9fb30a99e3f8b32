namespace Collab.Grains.LessonPreps;

/// <summary>
/// Publishes cursor moves through a <see cref="CursorThrottle{T}"/>: a move that may go now goes at once; one that must
/// wait is published when its time comes, by one timer at a time that <c>arm</c> sets for the earliest waiting move.
/// No Orleans here: the grain arms its own timer, which calls <see cref="PublishDue"/>.
/// </summary>
public sealed class CursorPublisher<T>(TimeSpan interval, Func<DateTimeOffset> now, Action<T> publish, Func<TimeSpan, IDisposable> arm)
{
    private readonly CursorThrottle<T> _throttle = new(interval);
    private IDisposable? _timer;

    public void Move(string userId, T move)
    {
        if (_throttle.TryPass(userId, move, now()))
        {
            publish(move);
        }
        else
        {
            _timer ??= arm(Delay(_throttle.NextDue));
        }
    }

    /// <summary>The armed timer's tick: publishes the moves that are due and arms the timer again for the next one, if any.</summary>
    public void PublishDue()
    {
        _timer?.Dispose();
        _timer = null;
        foreach (var (_, move) in _throttle.TakeDue(now()))
        {
            publish(move);
        }
        if (_throttle.NextDue is { } next)
        {
            _timer = arm(Delay(next));
        }
    }

    private TimeSpan Delay(DateTimeOffset? due) => due is { } at && at > now() ? at - now() : TimeSpan.Zero;
}
