using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Observations;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.Observations.ObservationScenario;

namespace Collab.Grains.Tests.Observations;

[Collection(ClusterCollection.Name)]
public sealed class ObservationLifecycleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Scheduling_lists_the_observation_in_the_groups_sessions_and_feed()
    {
        var scenario = await NewAsync(fixture.Grains);
        var groupSeq = (await scenario.Group.JoinAsync(scenario.Leader)).Seq;
        var grain = scenario.NewGrain();

        var info = await grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command());

        Assert.Equal(ObservationStatuses.Scheduled, info.Status);
        Assert.Equal(scenario.Teacher.UserId, info.TeacherId);
        Assert.Equal(DefaultRubric.Create().Dimensions.Select(d => (d.Key, d.Name, d.Weight)), info.Rubric.Dimensions.Select(d => (d.Key, d.Name, d.Weight)));
        var session = new GroupSession(ObservationGrain.SessionKind, info.Id, "《一元一次方程》公开课", scenario.Command().StartsAt);
        Assert.Contains(session, (await scenario.Group.GetAsync(scenario.ObserverA)).Sessions);
        var scheduled = (await scenario.Group.SyncAsync(scenario.ObserverA, groupSeq)).Events.Single();
        Assert.Equal("session.scheduled", scheduled.Type);
        Assert.Equal(info.Id, Data(scheduled).GetProperty("id").GetString());
        Assert.Equal("observation", Data(scheduled).GetProperty("kind").GetString());

        var joined = Snapshot(await grain.JoinAsync(scenario.ObserverB));
        Assert.Equal("scheduled", joined.GetProperty("status").GetString());
        Assert.Equal("王老师", joined.GetProperty("teacherName").GetString());
        Assert.Equal(6, joined.GetProperty("rubric").GetProperty("dimensions").GetArrayLength());
        Assert.Equal(0, joined.GetProperty("aggregate").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_observed_teacher_may_schedule_their_own_lesson_but_another_member_may_not()
    {
        var scenario = await NewAsync(fixture.Grains);

        var own = await scenario.NewGrain().CreateAsync(scenario.Teacher, scenario.GroupId, scenario.Command());
        Assert.Equal(scenario.Teacher.UserId, own.TeacherId);

        await Refused(ErrorCodes.Forbidden, () => scenario.NewGrain().CreateAsync(scenario.ObserverA, scenario.GroupId, scenario.Command()));
        await Refused(ErrorCodes.NotMember, () => scenario.NewGrain().CreateAsync(scenario.Outsider, scenario.GroupId, scenario.Command()));
        await Refused(ErrorCodes.NotFound, () => scenario.NewGrain().CreateAsync(scenario.Leader, $"g-{Guid.NewGuid():N}", scenario.Command()));
    }

    [Fact]
    public async Task Bad_schedules_are_refused_and_leave_nothing_behind()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = scenario.NewGrain();

        await Refused(ErrorCodes.InvalidArgument, () => grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command() with { TeacherId = scenario.Outsider.UserId }));
        await Refused(ErrorCodes.TooLarge, () => grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command(title: new string('课', 101))));
        await Refused(ErrorCodes.InvalidArgument, () => grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command(title: " ")));
        await Refused(ErrorCodes.InvalidArgument, () => grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command() with { StartsAt = default }));
        await Refused(ErrorCodes.InvalidArgument, () => grain.CreateAsync(scenario.Leader, scenario.GroupId,
            scenario.Command(new Rubric([new("a", "A", 60), new("b", "B", 30)]))));

        await Refused(ErrorCodes.NotFound, () => grain.JoinAsync(scenario.Leader));
        Assert.Empty((await scenario.Group.GetAsync(scenario.Leader)).Sessions);

        await grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command());
        await Refused(ErrorCodes.Conflict, () => grain.CreateAsync(scenario.Leader, scenario.GroupId, scenario.Command()));
    }

    [Fact]
    public async Task Only_the_observed_teacher_or_the_group_leader_starts_and_ends_the_lesson()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.ScheduledAsync();
        var seq = (await grain.JoinAsync(scenario.ObserverA)).Seq;

        await Refused(ErrorCodes.Forbidden, () => grain.StartAsync(scenario.ObserverA));
        await Refused(ErrorCodes.NotMember, () => grain.StartAsync(scenario.Outsider));
        await Refused(ErrorCodes.Conflict, () => grain.EndAsync(scenario.Teacher));

        var started = await grain.StartAsync(scenario.Teacher);
        Assert.Equal(ObservationStatuses.Live, started.Status);
        Assert.Equal(fixture.ObservationClock.GetUtcNow(), started.StartedAt);
        Assert.Equal(started, await grain.StartAsync(scenario.Leader));

        fixture.ObservationClock.Advance(TimeSpan.FromMinutes(40));
        await Refused(ErrorCodes.Forbidden, () => grain.EndAsync(scenario.ObserverB));
        var ended = await grain.EndAsync(scenario.Leader);
        Assert.Equal(ObservationStatuses.Ended, ended.Status);
        Assert.Equal(started.StartedAt!.Value.AddMinutes(40), ended.EndedAt);
        Assert.Equal(ended, await grain.EndAsync(scenario.Teacher));
        await Refused(ErrorCodes.Conflict, () => grain.StartAsync(scenario.Teacher));

        var events = (await grain.SyncAsync(scenario.ObserverA, seq)).Events;
        Assert.Equal(["lesson.started", "lesson.ended"], events.Select(e => e.Type));
        Assert.Equal(scenario.Teacher.UserId, Data(events[0]).GetProperty("userId").GetString());
        Assert.Equal(2400, Data(events[1]).GetProperty("durationSeconds").GetInt32());
    }

    [Fact]
    public async Task The_rubric_may_change_until_the_lesson_starts_and_is_fixed_after()
    {
        var scenario = await NewAsync(fixture.Grains);
        var grain = await scenario.ScheduledAsync();
        var custom = new Rubric([new("inquiry", "探究活动", 40, ["问题驱动"]), new("talk", "课堂对话", 35), new("effect", "教学效果", 25)]);

        await Refused(ErrorCodes.Forbidden, () => grain.SetRubricAsync(scenario.ObserverA, custom));
        await Refused(ErrorCodes.InvalidArgument, () => grain.SetRubricAsync(scenario.Leader, new Rubric([new("a", "A", 100)])));
        var changed = await grain.SetRubricAsync(scenario.Teacher, custom);
        Assert.Equal(["inquiry", "talk", "effect"], changed.Rubric.Dimensions.Select(d => d.Key));

        await grain.StartAsync(scenario.Teacher);
        await Refused(ErrorCodes.Conflict, () => grain.SetRubricAsync(scenario.Leader, DefaultRubric.Create()));
        var snapshot = Snapshot(await grain.JoinAsync(scenario.ObserverA));
        Assert.Equal(["inquiry", "talk", "effect"], snapshot.GetProperty("rubric").GetProperty("dimensions").EnumerateArray()
            .Select(d => d.GetProperty("key").GetString()));
        Assert.Equal(["问题驱动"], snapshot.GetProperty("rubric").GetProperty("dimensions")[0].GetProperty("descriptors").EnumerateArray()
            .Select(d => d.GetString()));
    }

    [Fact]
    public async Task A_custom_rubric_given_at_scheduling_is_the_one_observers_rate()
    {
        var scenario = await NewAsync(fixture.Grains);
        var custom = new Rubric([new("design", "教学设计", 70), new("delivery", "课堂实施", 30)]);
        var grain = await scenario.LiveAsync(custom);

        await Refused(ErrorCodes.InvalidArgument, () => grain.RateAsync(scenario.ObserverA, new CommandId("a", 1), Uniform(4), null));
        var accepted = await grain.RateAsync(scenario.ObserverA, new CommandId("a", 2), new Dictionary<string, int> { ["design"] = 5, ["delivery"] = 2 }, null);

        Assert.Equal(82, accepted.WeightedTotal);
    }
}
