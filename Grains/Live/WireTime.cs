namespace Collab.Grains.Live;

/// <summary>Times as the wire carries them: to the millisecond, so that a replayed result or event equals the first one.</summary>
public static class WireTime
{
    public static DateTimeOffset Truncate(DateTimeOffset moment) => moment.AddTicks(-(moment.Ticks % TimeSpan.TicksPerMillisecond));
}
