using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.Observations.ObservationScenario;

namespace Collab.Grains.Tests.Observations;

[Collection(ClusterCollection.Name)]
public sealed class ObservationReportTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_report_opens_when_the_lesson_ends_and_holds_the_aggregate_timeline_comments_and_counties()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var startedAt = fixture.ObservationClock.GetUtcNow();
        await Refused(ErrorCodes.NotOpen, () => grain.GetReportAsync(scenario.Teacher));

        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(3));
        await grain.AddNoteAsync(scenario.ObserverB, new CommandId("b", 1), "小组讨论充分", null, NoteVisibility.Public);
        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 1), "导入：天平", startedAt.AddSeconds(30), NoteVisibility.Public);
        await grain.AddNoteAsync(scenario.ObserverA, new CommandId("a", 2), "私下：语速偏快", null, NoteVisibility.Private);
        await grain.AddNoteAsync(scenario.Teacher, new CommandId("t", 1), "自己记一笔", null, NoteVisibility.Public);
        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 3), Uniform(5), "设计新颖");
        await grain.RateAsync(scenario.ObserverB, new CommandId("b", 2),
            new Dictionary<string, int> { ["objectives"] = 3, ["content"] = 4, ["methods"] = 2, ["organisation"] = 3, ["effect"] = 4, ["skill"] = 5 }, "  ");
        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(37));
        await grain.EndAsync(scenario.Teacher);

        var report = await grain.GetReportAsync(scenario.Teacher);

        Assert.False(report.Final);
        Assert.Equal(ObservationStatuses.Ended, report.Status);
        Assert.Equal(2, report.RatingCount);
        // A: 100; B: (15×3 + 20×4 + 20×2 + 15×3 + 20×4 + 10×5)/5 = 340/5 = 68; the lesson: 84.
        Assert.Equal(84, report.WeightedTotal);
        var methods = report.Dimensions.Single(d => d.Key == "methods");
        Assert.Equal(new DimensionAggregate("methods", "教学方法", 20, 3.5, 2, 5, 1.5), methods);
        Assert.Equal(["导入：天平", "小组讨论充分", "自己记一笔"], report.Notes.Select(n => n.Text));
        Assert.Equal([30, 180, 180], report.Notes.Select(n => n.OffsetSeconds));
        var comment = Assert.Single(report.Comments);
        Assert.Equal(("李老师", "二中", "西城区", "设计新颖"), (comment.Name, comment.School, comment.County, comment.Text));
        Assert.Equal(new Dictionary<string, int> { ["南山县"] = 1, ["西城区"] = 1 }, report.ObserversByCounty);
        Assert.Equal(2, report.ObserverCount);
        Assert.Equal(startedAt.AddMinutes(40), report.EndedAt);

        Assert.Equal(report.WeightedTotal, (await grain.GetReportAsync(scenario.ObserverB)).WeightedTotal);
        await Refused(ErrorCodes.NotMember, () => grain.GetReportAsync(scenario.Outsider));
    }

    [Fact]
    public async Task Finalizing_closes_ratings_sends_the_last_aggregate_and_report_ready()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(4), null);
        await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), Uniform(2), null);
        await Refused(ErrorCodes.Conflict, () => grain.FinalizeReportAsync(scenario.Teacher));
        await grain.EndAsync(scenario.Teacher);
        var seq = (await grain.JoinAsync(scenario.ObserverA)).Seq;

        await Refused(ErrorCodes.Forbidden, () => grain.FinalizeReportAsync(scenario.ObserverA));
        var report = await grain.FinalizeReportAsync(scenario.Leader);

        Assert.True(report.Final);
        Assert.Equal(ObservationStatuses.Finalized, report.Status);
        Assert.Equal(fixture.ObservationClock.GetUtcNow(), report.FinalizedAt);
        var events = (await grain.SyncAsync(scenario.ObserverA, seq)).Events;
        // The rating held back by the throttle goes out before the report, so the last aggregate matches it.
        Assert.Equal(["ratings.updated", "report.ready"], events.Select(e => e.Type));
        Assert.Equal(2, Data(events[0]).GetProperty("count").GetInt32());
        Assert.Equal(60, Data(events[1]).GetProperty("weightedTotal").GetDouble());
        Assert.Equal(report, await grain.FinalizeReportAsync(scenario.Teacher), new ReportComparer());
        Assert.Single((await grain.SyncAsync(scenario.ObserverA, seq)).Events, e => e.Type == "report.ready");
    }

    [Fact]
    public async Task An_unfinalized_report_finalizes_itself_an_hour_after_the_end_and_ratings_close()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(5), null);
        await grain.EndAsync(scenario.Teacher);
        var endedAt = fixture.ObservationClock.GetUtcNow();
        var seq = (await grain.JoinAsync(scenario.ObserverA)).Seq;

        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(59));
        await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), Uniform(3), "课后补评");
        Assert.False((await grain.GetReportAsync(scenario.Teacher)).Final);
        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(1));

        var ready = await WaitForEventAsync(grain, scenario.ObserverA, seq, e => e.Type == "report.ready");
        var data = Data(ready);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("userId").ValueKind);
        Assert.Equal(2, data.GetProperty("count").GetInt32());
        Assert.Equal(80, data.GetProperty("weightedTotal").GetDouble());
        var report = await grain.GetReportAsync(scenario.Teacher);
        Assert.True(report.Final);
        Assert.Equal(endedAt.AddHours(1), report.FinalizedAt);
        await Refused(ErrorCodes.Closed, () => grain.RateAsync(scenario.ObserverB, new CommandId("b", 2), Uniform(1), null));
        var events = (await grain.SyncAsync(scenario.ObserverA, seq)).Events;
        Assert.Equal("ratings.updated", events[^2].Type);
        Assert.Equal(2, Data(events[^2]).GetProperty("count").GetInt32());
        Assert.Single(events, e => e.Type == "report.ready");
    }

    [Fact]
    public async Task The_observed_teacher_still_reads_their_report_after_leaving_the_group_but_a_former_member_does_not()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(3), null);
        await grain.EndAsync(scenario.Leader);

        await scenario.Group.RemoveMemberAsync(scenario.Teacher, scenario.Teacher.UserId);
        await scenario.Group.RemoveMemberAsync(scenario.Leader, scenario.ObserverA.UserId);

        Assert.Equal(60, (await grain.GetReportAsync(scenario.Teacher)).WeightedTotal);
        await Refused(ErrorCodes.NotMember, () => grain.GetReportAsync(scenario.ObserverA));
        await Refused(ErrorCodes.NotMember, () => grain.JoinAsync(scenario.ObserverA));
    }

    [Fact]
    public async Task Following_the_live_lesson_counts_as_observing_it_but_joining_before_it_starts_does_not()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.ScheduledAsync();
        await grain.JoinAsync(scenario.ObserverA);
        await grain.StartAsync(scenario.Teacher);
        await grain.JoinAsync(scenario.ObserverB);
        await grain.JoinAsync(scenario.ObserverB);
        await grain.SyncAsync(scenario.Leader, 0);
        await grain.JoinAsync(scenario.Teacher);
        await grain.EndAsync(scenario.Teacher);
        await grain.JoinAsync(scenario.ObserverA);

        var report = await grain.GetReportAsync(scenario.ObserverA);

        Assert.Equal(2, report.ObserverCount);
        Assert.Equal(new Dictionary<string, int> { ["东城区"] = 1, ["南山县"] = 1 }, report.ObserversByCounty);
        Assert.Equal(0, report.RatingCount);
        Assert.All(report.Dimensions, d => Assert.Null(d.Mean));
    }

    private sealed class ReportComparer : IEqualityComparer<ObservationReport>
    {
        public bool Equals(ObservationReport? x, ObservationReport? y) =>
            x!.FinalizedAt == y!.FinalizedAt && x.WeightedTotal == y.WeightedTotal && x.Status == y.Status && x.Dimensions.SequenceEqual(y.Dimensions);

        public int GetHashCode(ObservationReport obj) => obj.Id.GetHashCode();
    }
}
