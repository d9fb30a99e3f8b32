using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>Throttled cursor moves published at once or by one armed timer at a time, with a hand-driven clock.</summary>
public sealed class CursorPublisherTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private sealed class Harness
    {
        public DateTimeOffset Now = Start;
        public readonly List<int> Published = [];
        public readonly List<TimeSpan> Armed = [];
        public int Disposed;
        public readonly CursorPublisher<int> Publisher;

        public Harness() => Publisher = new(Interval, () => Now, Published.Add, delay =>
        {
            Armed.Add(delay);
            return new Disarm(this);
        });

        private sealed class Disarm(Harness harness) : IDisposable
        {
            public void Dispose() => harness.Disposed++;
        }
    }

    [Fact]
    public void A_move_that_may_go_is_published_at_once_and_arms_nothing()
    {
        var harness = new Harness();

        harness.Publisher.Move("u", 1);

        Assert.Equal([1], harness.Published);
        Assert.Empty(harness.Armed);
    }

    [Fact]
    public void A_move_too_soon_waits_for_one_timer_set_for_its_slot_and_a_later_one_replaces_it()
    {
        var harness = new Harness();
        harness.Publisher.Move("u", 1);
        harness.Now = Start.AddMilliseconds(30);
        harness.Publisher.Move("u", 2);
        harness.Now = Start.AddMilliseconds(60);
        harness.Publisher.Move("u", 3);

        Assert.Equal([TimeSpan.FromMilliseconds(70)], harness.Armed);

        harness.Now = Start.AddMilliseconds(100);
        harness.Publisher.PublishDue();

        Assert.Equal([1, 3], harness.Published);
        Assert.Equal(1, harness.Disposed);
        Assert.Single(harness.Armed);
    }

    [Fact]
    public void One_timer_serves_every_user_waiting_and_is_set_for_the_first_of_them_when_armed()
    {
        var harness = new Harness();
        harness.Publisher.Move("a", 1);
        harness.Now = Start.AddMilliseconds(50);
        harness.Publisher.Move("b", 1);
        harness.Publisher.Move("b", 2);
        harness.Publisher.Move("a", 2);

        // Armed for b's slot at 150 ms; a's at 100 ms waits for the same tick, never more than one interval late.
        Assert.Equal([TimeSpan.FromMilliseconds(100)], harness.Armed);
        harness.Now = Start.AddMilliseconds(150);
        harness.Publisher.PublishDue();

        Assert.Equal([1, 1, 2, 2], harness.Published);
        Assert.Single(harness.Armed);
    }

    [Fact]
    public void A_move_that_waits_after_a_tick_arms_a_new_timer()
    {
        var harness = new Harness();
        harness.Publisher.Move("u", 1);
        harness.Now = Start.AddMilliseconds(10);
        harness.Publisher.Move("u", 2);
        harness.Now = Start.AddMilliseconds(100);
        harness.Publisher.PublishDue();
        harness.Now = Start.AddMilliseconds(120);

        harness.Publisher.Move("u", 3);

        Assert.Equal([1, 2], harness.Published);
        Assert.Equal([TimeSpan.FromMilliseconds(90), TimeSpan.FromMilliseconds(80)], harness.Armed);
    }

    [Fact]
    public void A_timer_that_fires_late_publishes_at_once_and_one_for_an_overdue_move_has_no_delay()
    {
        var harness = new Harness();
        harness.Publisher.Move("u", 1);
        harness.Now = Start.AddMilliseconds(10);
        harness.Publisher.Move("u", 2);
        harness.Now = Start.AddSeconds(2);

        harness.Publisher.PublishDue();

        Assert.Equal([1, 2], harness.Published);
        Assert.Equal([TimeSpan.FromMilliseconds(90)], harness.Armed);
    }

    [Fact]
    public void A_tick_with_nothing_due_arms_nothing_more()
    {
        var harness = new Harness();

        harness.Publisher.PublishDue();

        Assert.Empty(harness.Published);
        Assert.Empty(harness.Armed);
    }
}
