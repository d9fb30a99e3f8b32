using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

public sealed class SessionRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly SessionTimings Timings = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4));
    private static readonly SessionRules Rules = new(Timings);

    private static SessionClock Clock(int slotMinutes = 20, DateTimeOffset? seen = null, DateTimeOffset? offline = null, DateTimeOffset? warned = null) =>
        new(Start, Start.AddMinutes(slotMinutes), seen, offline, warned);

    [Fact]
    public void A_present_student_runs_to_the_warning_then_the_end()
    {
        var clock = Clock(seen: Start);
        Assert.Equal(SessionDue.Nothing, Rules.Decide(clock, Start.AddMinutes(17).AddSeconds(59)));
        Assert.Equal(SessionDue.Warning, Rules.Decide(clock, Start.AddMinutes(18)));
        Assert.Equal(SessionDue.Nothing, Rules.Decide(clock with { WarnedForEndsAt = clock.EndsAt }, Start.AddMinutes(19)));
        Assert.Equal(SessionDue.TimeUp, Rules.Decide(clock, Start.AddMinutes(20)));
    }

    [Fact]
    public void An_extension_after_the_warning_earns_a_new_warning()
    {
        var extended = Clock(slotMinutes: 30, seen: Start, warned: Start.AddMinutes(20));
        Assert.Equal(SessionDue.Nothing, Rules.Decide(extended, Start.AddMinutes(21)));
        Assert.Equal(SessionDue.Warning, Rules.Decide(extended, Start.AddMinutes(28)));
    }

    [Fact]
    public void A_student_never_seen_within_the_grace_is_a_no_show()
    {
        Assert.Equal(SessionDue.Nothing, Rules.Decide(Clock(), Start.AddMinutes(3).AddTicks(-1)));
        Assert.Equal(SessionDue.NoShow, Rules.Decide(Clock(), Start.AddMinutes(3)));
        Assert.Equal(SessionDue.Nothing, Rules.Decide(Clock(seen: Start.AddMinutes(1)), Start.AddMinutes(3)));
    }

    [Fact]
    public void A_dropped_student_keeps_the_session_for_the_grace_only()
    {
        var dropped = Clock(seen: Start, offline: Start.AddMinutes(5));
        Assert.Equal(SessionDue.Nothing, Rules.Decide(dropped, Start.AddMinutes(8)));
        Assert.Equal(SessionDue.Disconnected, Rules.Decide(dropped, Start.AddMinutes(9)));
    }

    [Fact]
    public void On_a_tie_with_the_slot_end_the_student_side_reason_wins()
    {
        Assert.Equal(SessionDue.NoShow, Rules.Decide(Clock(slotMinutes: 3), Start.AddMinutes(3)));
    }

    /// <summary>Seeded random clocks: the answer is always the earliest deadline that passed, else the warning, else nothing.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(404)]
    [InlineData(9001)]
    public void Random_clocks_end_at_the_first_passed_deadline(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var endsAt = Start.AddSeconds(random.Next(60, 3600));
            DateTimeOffset? seen = random.Next(3) == 0 ? null : Start.AddSeconds(random.Next(0, 400));
            DateTimeOffset? offline = seen is not null && random.Next(2) == 0 ? seen.Value.AddSeconds(random.Next(0, 3600)) : null;
            DateTimeOffset? warned = random.Next(3) == 0 ? endsAt : null;
            var clock = new SessionClock(Start, endsAt, seen, offline, warned);
            var now = Start.AddSeconds(random.Next(0, 4000));

            var deadlines = new List<(SessionDue Due, DateTimeOffset At)> { (SessionDue.TimeUp, endsAt) };
            if (seen is null)
            {
                deadlines.Add((SessionDue.NoShow, Start + Timings.NoShowGrace));
            }
            if (offline is not null)
            {
                deadlines.Add((SessionDue.Disconnected, offline.Value + Timings.DisconnectGrace));
            }
            var passed = deadlines.Where(d => d.At <= now).ToList();
            var due = Rules.Decide(clock, now);
            if (passed.Count > 0)
            {
                var first = passed.Min(d => d.At);
                Assert.Contains(passed, d => d.Due == due && d.At == first);
                Assert.False(due == SessionDue.TimeUp && passed.Exists(d => d.At == first && d.Due != SessionDue.TimeUp));
            }
            else
            {
                var warningDue = warned is null && now >= endsAt - Timings.WarningBefore;
                Assert.Equal(warningDue ? SessionDue.Warning : SessionDue.Nothing, due);
            }
        }
    }
}
