using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

public sealed class CursorThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void A_move_sooner_than_the_interval_waits_and_a_later_one_replaces_it()
    {
        var throttle = new CursorThrottle<int>(Interval);

        Assert.True(throttle.TryPass("u", 1, Start));
        Assert.False(throttle.TryPass("u", 2, Start.AddMilliseconds(10)));
        Assert.False(throttle.TryPass("u", 3, Start.AddMilliseconds(60)));
        Assert.Equal(Start + Interval, throttle.NextDue);
        Assert.Empty(throttle.TakeDue(Start.AddMilliseconds(99)));

        Assert.Equal([("u", 3)], throttle.TakeDue(Start.AddMilliseconds(100)));
        Assert.Null(throttle.NextDue);
        // Published at 100 ms: the next slot is at 200 ms.
        Assert.False(throttle.TryPass("u", 4, Start.AddMilliseconds(150)));
        Assert.Equal(Start.AddMilliseconds(200), throttle.NextDue);
    }

    [Fact]
    public void Users_are_throttled_separately()
    {
        var throttle = new CursorThrottle<int>(Interval);

        Assert.True(throttle.TryPass("a", 1, Start));
        Assert.True(throttle.TryPass("b", 1, Start.AddMilliseconds(5)));
        Assert.False(throttle.TryPass("a", 2, Start.AddMilliseconds(20)));
        Assert.False(throttle.TryPass("b", 2, Start.AddMilliseconds(30)));

        Assert.Equal([("a", 2)], throttle.TakeDue(Start.AddMilliseconds(100)));
        Assert.Equal([("b", 2)], throttle.TakeDue(Start.AddMilliseconds(105)));
    }

    [Fact]
    public void A_move_after_a_quiet_interval_passes_at_once()
    {
        var throttle = new CursorThrottle<int>(Interval);

        Assert.True(throttle.TryPass("u", 1, Start));
        Assert.True(throttle.TryPass("u", 2, Start.AddMilliseconds(100)));
        Assert.True(throttle.TryPass("u", 3, Start.AddSeconds(5)));
        Assert.Null(throttle.NextDue);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Seeded_random_pointers_publish_at_most_one_move_per_interval_and_always_the_last_one(int seed)
    {
        var random = new Random(seed);
        var throttle = new CursorThrottle<int>(Interval);
        var published = new Dictionary<string, List<(DateTimeOffset At, int Move)>>();
        var last = new Dictionary<string, int>();
        var now = Start;
        void Publish(string user, int move) => (published.TryGetValue(user, out var list) ? list : published[user] = []).Add((now, move));

        for (var step = 0; step < 5_000; step++)
        {
            now = now.AddMilliseconds(random.Next(0, 40));
            foreach (var (user, move) in throttle.TakeDue(now))
            {
                Publish(user, move);
            }
            var who = $"u{random.Next(4)}";
            last[who] = step;
            if (throttle.TryPass(who, step, now))
            {
                Publish(who, step);
            }
        }
        while (throttle.NextDue is { } due)
        {
            now = due;
            foreach (var (user, move) in throttle.TakeDue(now))
            {
                Publish(user, move);
            }
        }

        foreach (var (user, moves) in published)
        {
            Assert.Equal(last[user], moves[^1].Move);
            Assert.All(moves.Zip(moves.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Interval));
            Assert.Equal(moves.Select(m => m.Move).Order(), moves.Select(m => m.Move));
        }
        Assert.True(published.Values.Sum(m => m.Count) < 5_000);
    }
}
