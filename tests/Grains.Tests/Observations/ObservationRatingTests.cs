using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.Observations.ObservationScenario;

namespace Collab.Grains.Tests.Observations;

[Collection(ClusterCollection.Name)]
public sealed class ObservationRatingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Ratings_open_with_the_lesson_and_the_observed_teacher_does_not_rate_their_own()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.ScheduledAsync();

        await Refused(ErrorCodes.NotOpen, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(4), null));
        await grain.StartAsync(scenario.Teacher);
        await Refused(ErrorCodes.Forbidden, () => grain.RateAsync(scenario.Teacher, new CommandId("t", 1), Uniform(5), "自评"));
        await Refused(ErrorCodes.NotMember, () => grain.RateAsync(scenario.Outsider, new CommandId("o", 1), Uniform(3), null));

        var leaderRated = await grain.RateAsync(scenario.Leader, new CommandId("l", 1), Uniform(4), null);
        Assert.Equal(80, leaderRated.WeightedTotal);
        Assert.False(leaderRated.Replaced);
    }

    [Fact]
    public async Task Out_of_range_scores_unknown_dimensions_and_long_comments_are_refused_and_change_nothing()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var seq = (await grain.JoinAsync(scenario.ObserverA)).Seq;

        await Refused(ErrorCodes.InvalidArgument, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(6), null));
        await Refused(ErrorCodes.InvalidArgument, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 2), Uniform(0), null));
        var unknown = Uniform(4);
        unknown["humour"] = 5;
        var error = await Refused(ErrorCodes.InvalidArgument, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 3), unknown, null));
        Assert.Contains("humour", error.Message);
        var partial = Uniform(4);
        partial.Remove("skill");
        await Refused(ErrorCodes.InvalidArgument, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 4), partial, null));
        await Refused(ErrorCodes.TooLarge, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 5), Uniform(4), new string('评', 2001)));

        var joined = await grain.JoinAsync(scenario.ObserverA);
        Assert.Equal(seq, joined.Seq);
        Assert.Equal(0, Snapshot(joined).GetProperty("aggregate").GetProperty("count").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Snapshot(joined).GetProperty("myRating").ValueKind);
    }

    [Fact]
    public async Task A_later_rating_replaces_the_observers_earlier_one_until_the_report_is_final()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();

        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(2), "第一印象");
        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(40));
        await grain.EndAsync(scenario.Teacher);
        // After the lesson ends, ratings may still change: observers often finish the form then.
        var replaced = await grain.RateAsync(scenario.ObserverA, new CommandId("a", 2), Uniform(4), "课后修改");
        await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), Uniform(5), null);

        Assert.True(replaced.Replaced);
        var snapshot = Snapshot(await grain.JoinAsync(scenario.ObserverA));
        Assert.Equal(4, snapshot.GetProperty("myRating").GetProperty("scores").GetProperty("methods").GetInt32());
        Assert.Equal("课后修改", snapshot.GetProperty("myRating").GetProperty("comment").GetString());
        Assert.Equal(2, snapshot.GetProperty("aggregate").GetProperty("count").GetInt32());
        Assert.Equal(90, snapshot.GetProperty("aggregate").GetProperty("weightedTotal").GetDouble());
        Assert.Equal(4.5, snapshot.GetProperty("aggregate").GetProperty("mean").GetProperty("effect").GetDouble());

        await grain.FinalizeReportAsync(scenario.Teacher);
        await Refused(ErrorCodes.Closed, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 3), Uniform(1), null));
        await Refused(ErrorCodes.Closed, () => grain.RateAsync(scenario.Leader, new CommandId("l", 1), Uniform(3), null));
        // A resend of an accepted rating is answered as before, even now.
        Assert.True((await grain.RateAsync(scenario.ObserverA, new CommandId("a", 2), Uniform(4), "课后修改")).Replaced);
        Assert.Equal(90, (await grain.GetReportAsync(scenario.Teacher)).WeightedTotal);
    }

    [Fact]
    public async Task Ratings_updated_is_throttled_carries_only_the_aggregate_and_the_last_one_is_sent_by_the_timer()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var seq = (await grain.JoinAsync(scenario.Teacher)).Seq;

        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(5), "很好");
        // The clock stands still: these fall inside the first update's second and wait for the timer.
        await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), Uniform(3), null);
        await grain.RateAsync(scenario.Leader, new CommandId("l", 1), Uniform(4), null);

        var events = (await grain.SyncAsync(scenario.Teacher, seq)).Events;
        var first = Assert.Single(events);
        Assert.Equal("ratings.updated", first.Type);
        Assert.Equal(1, Data(first).GetProperty("count").GetInt32());

        fixture.ObservationClock.Advance(TimeSpan.FromSeconds(1));
        var last = await WaitForEventAsync(grain, scenario.Teacher, first.Seq, e => e.Type == "ratings.updated");

        var data = Data(last);
        Assert.Equal(3, data.GetProperty("count").GetInt32());
        Assert.Equal(80, data.GetProperty("weightedTotal").GetDouble());
        Assert.Equal(4, data.GetProperty("mean").GetProperty("content").GetDouble());
        Assert.Equal(["count", "mean", "weightedTotal"], data.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(first.At.AddSeconds(1), last.At);
    }

    [Fact]
    public async Task A_pending_ratings_update_survives_deactivation_and_is_sent_by_the_next_activation()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var seq = (await grain.JoinAsync(scenario.Teacher)).Seq;
        await grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(5), null);
        await grain.RateAsync(scenario.ObserverB, new CommandId("b", 1), Uniform(3), null);

        await fixture.DeactivateAllAsync();
        fixture.ObservationClock.Advance(TimeSpan.FromSeconds(1));

        var last = await WaitForEventAsync(grain, scenario.Teacher, seq + 1, e => e.Type == "ratings.updated");
        Assert.Equal(2, Data(last).GetProperty("count").GetInt32());
        Assert.Equal(80, Data(last).GetProperty("weightedTotal").GetDouble());
    }
}
