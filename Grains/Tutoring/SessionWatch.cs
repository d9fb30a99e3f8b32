namespace Collab.Grains.Tutoring;

/// <summary>
/// What an active room knows between deadline checks of its running session: whether its ticker runs, and since when
/// the admitted student has been offline (presence is not persisted, so neither is this). No Orleans here: the grain
/// gives the ticker it starts.
/// </summary>
public sealed class SessionWatch(Func<IDisposable> startTicker)
{
    private IDisposable? _ticker;

    public DateTimeOffset? OfflineSince { get; private set; }

    public bool Ticking => _ticker is not null;

    /// <summary>A session starts: the student is given the no-show grace, not treated as gone.</summary>
    public void Start()
    {
        OfflineSince = null;
        _ticker ??= startTicker();
    }

    /// <summary>
    /// The room is activated with a session running. Presence comes back only as the nodes re-subscribe: a student who
    /// had been seen starts the disconnect grace now, not at the crash.
    /// </summary>
    public void Resume(bool studentSeen, DateTimeOffset now)
    {
        OfflineSince = studentSeen ? now : null;
        _ticker ??= startTicker();
    }

    public void Stop()
    {
        _ticker?.Dispose();
        _ticker = null;
        OfflineSince = null;
    }

    /// <summary>Records what a check saw of the student; returns since when they have been offline, null when online.</summary>
    public DateTimeOffset? Observe(bool online, DateTimeOffset now) => OfflineSince = online ? null : OfflineSince ?? now;
}
