using Collab.Grains.Live;

namespace Collab.Grains.Tests.Live;

public sealed class StreamLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static StreamLog LogWith(int events, int retain)
    {
        var log = new StreamLog();
        for (var i = 0; i < events; i++)
        {
            log.Append("groups/g", "message.posted", At, $"{{\"n\":{i}}}", null, retain);
        }
        return log;
    }

    [Fact]
    public void Seq_increases_by_one_per_event()
    {
        var log = LogWith(3, 10);
        Assert.Equal(3, log.Seq);
        Assert.Equal([1L, 2L, 3L], log.Events.Select(e => e.Seq));
    }

    [Fact]
    public void Only_the_latest_events_are_retained()
    {
        var log = LogWith(12, 5);
        Assert.Equal(12, log.Seq);
        Assert.Equal([8L, 9L, 10L, 11L, 12L], log.Events.Select(e => e.Seq));
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(11, 1)]
    [InlineData(7, 5)]
    public void Reading_after_a_retained_seq_returns_exactly_the_later_events(long since, int expected)
    {
        var events = LogWith(12, 5).ReadAfter(since);
        Assert.NotNull(events);
        Assert.Equal(expected, events.Count);
        Assert.Equal(Enumerable.Range((int)since + 1, expected).Select(n => (long)n), events.Select(e => e.Seq));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    [InlineData(13)]
    public void Reading_past_the_window_or_ahead_of_the_stream_returns_null(long since)
    {
        Assert.Null(LogWith(12, 5).ReadAfter(since));
    }

    [Fact]
    public void An_empty_stream_has_nothing_after_zero()
    {
        Assert.Empty(new StreamLog().ReadAfter(0)!);
    }

    [Fact]
    public void Random_appends_and_reads_agree_with_a_full_history()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 200; round++)
        {
            var retain = random.Next(1, 20);
            var count = random.Next(0, 60);
            var log = LogWith(count, retain);
            var since = random.Next(0, count + 2);
            var read = log.ReadAfter(since);
            var retainedFrom = Math.Max(1, count - retain + 1);
            if (since > count || since + 1 < retainedFrom)
            {
                Assert.Null(read);
            }
            else
            {
                Assert.Equal(Enumerable.Range(since + 1, count - since).Select(n => (long)n), read!.Select(e => e.Seq));
            }
        }
    }
}
