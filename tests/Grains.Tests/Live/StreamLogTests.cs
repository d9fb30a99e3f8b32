using Collab.Grains.Live;
using Collab.Grains.Interfaces.Live;

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
    public void A_chained_stream_names_on_each_event_for_everyone_the_previous_one_and_on_no_addressed_event()
    {
        var log = new StreamLog();
        var first = log.Append("classroom/c", "question.pushed", At, "{}", null, 10, chainEveryone: true);
        var toOne = log.Append("classroom/c", "answer.recorded", At, "{}", "s-1", 10, chainEveryone: true);
        var toStaff = log.Append("classroom/c", "tally.updated", At, "{}", null, 10, audienceGroup: "staff", chainEveryone: true);
        var toTwo = log.Append("classroom/c", "note", At, "{}", null, 10, audiences: ["s-1", "s-2"], chainEveryone: true);
        var next = log.Append("classroom/c", "question.closed", At, "{}", null, 10, chainEveryone: true);

        Assert.Equal(0, first.PreviousForEveryone);
        Assert.Equal([null, null, null], new[] { toOne, toStaff, toTwo }.Select(e => e.PreviousForEveryone));
        Assert.Equal(first.Seq, next.PreviousForEveryone);
        Assert.Equal(next.Seq, log.LastForEveryone);
    }

    [Fact]
    public void An_unchained_stream_names_no_previous_event()
    {
        var log = LogWith(3, 10);
        Assert.All(log.Events, e => Assert.Null(e.PreviousForEveryone));
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
    private static EventEnvelope Event(long seq, string type = "op.applied") => new("lessonprep/p", seq, type, At, $"{{\"n\":{seq}}}");

    [Fact]
    public void Restoring_puts_left_out_events_back_in_seq_order_beside_the_kept_ones()
    {
        var log = new StreamLog { Seq = 6, Events = [Event(3, "comment.added"), Event(6, "phase.changed")] };
        log.Restore([Event(5), Event(2), Event(4), Event(1)], retain: 10);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], log.Events.Select(e => e.Seq));
        Assert.Equal("comment.added", log.Events[2].Type);
        Assert.Equal([], log.ReadAfter(6)!);
        Assert.Equal([4L, 5L, 6L], log.ReadAfter(3)!.Select(e => e.Seq));
    }

    [Fact]
    public void Restoring_keeps_only_the_run_of_consecutive_seqs_that_ends_at_the_log_seq()
    {
        var log = new StreamLog { Seq = 8, Events = [Event(8, "comment.added")] };
        log.Restore([Event(1), Event(2), Event(5), Event(6), Event(7)], retain: 10);
        Assert.Equal([5L, 6L, 7L, 8L], log.Events.Select(e => e.Seq));
        Assert.Null(log.ReadAfter(3));
        Assert.Equal([8L], log.ReadAfter(7)!.Select(e => e.Seq));
    }

    [Fact]
    public void Restoring_retains_at_most_the_bound_and_ignores_events_the_snapshot_does_not_cover()
    {
        var log = new StreamLog { Seq = 5 };
        log.Restore(Enumerable.Range(1, 9).Select(seq => Event(seq)), retain: 3);
        Assert.Equal([3L, 4L, 5L], log.Events.Select(e => e.Seq));
        Assert.Equal(5, log.Seq);
    }

    [Fact]
    public void Restoring_with_the_latest_event_missing_leaves_an_empty_window_so_sync_falls_back_to_a_snapshot()
    {
        var log = new StreamLog { Seq = 4, Events = [Event(1, "comment.added")] };
        log.Restore([Event(2), Event(3)], retain: 10);
        Assert.Empty(log.Events);
        Assert.Null(log.ReadAfter(2));
        Assert.Equal([], log.ReadAfter(4)!);
    }

    [Fact]
    public void Restoring_a_seeded_random_split_of_a_window_gives_back_the_window()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 200; round++)
        {
            var seq = random.Next(1, 60);
            var retain = random.Next(1, 40);
            var all = Enumerable.Range(1, seq).Select(n => Event(n, random.Next(3) == 0 ? "comment.added" : "op.applied")).ToList();
            var log = new StreamLog { Seq = seq, Events = all.Where(e => e.Type != "op.applied").TakeLast(retain).ToList() };
            log.Restore(all.Where(e => e.Type == "op.applied").OrderBy(_ => random.Next()), retain);
            Assert.Equal(all.TakeLast(retain).Select(e => e.Seq), log.Events.Select(e => e.Seq));
            Assert.Equal(all.TakeLast(retain).Select(e => e.Type), log.Events.Select(e => e.Type));
        }
    }
}
