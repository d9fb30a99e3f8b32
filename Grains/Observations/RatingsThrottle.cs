namespace Collab.Grains.Observations;

/// <summary>
/// Spaces <c>ratings.updated</c> at least <paramref name="interval"/> apart: a rating in between waits for the next
/// one, which carries it. Held in memory only; a reactivated grain may send one update sooner.
/// </summary>
public sealed class RatingsThrottle(TimeSpan interval)
{
    private DateTimeOffset _publishedAt = DateTimeOffset.MinValue;

    public bool IsDue(DateTimeOffset now) => now - _publishedAt >= interval;

    /// <summary>How long from now until an update may go out; zero when it may go now.</summary>
    public TimeSpan DueIn(DateTimeOffset now)
    {
        var due = _publishedAt + interval - now;
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    public void Published(DateTimeOffset now) => _publishedAt = now;
}
