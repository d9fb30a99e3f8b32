using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.LessonPreps;

[Collection(ClusterCollection.Name)]
public sealed class LessonForkTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("lf-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("lf-colleague", "李老师", Roles.Teacher, "school-b", "county-b");
    private static readonly Caller Outsider = new("lf-outsider", "赵老师", Roles.Teacher, "school-c", "county-c");

    [Fact]
    public async Task A_finalized_plan_forks_into_a_personal_copy_that_only_its_owner_sees_and_edits()
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Colleague);
        var original = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, "Unit 3");
        await original.SubmitOpAsync(Leader, new CommandId("t", 1), "objectives", 0, Ops("Talk about hobbies"));
        var forkId = $"lp-{Guid.NewGuid():N}";

        var early = await Assert.ThrowsAsync<CollabException>(() => original.ForkAsync(Colleague, forkId));
        Assert.Equal(ErrorCodes.Conflict, early.Code);
        await original.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        var outsider = await Assert.ThrowsAsync<CollabException>(() => original.ForkAsync(Outsider, forkId));
        Assert.Equal(ErrorCodes.NotMember, outsider.Code);

        var copy = await original.ForkAsync(Colleague, forkId);

        Assert.Equal((forkId, original.GetPrimaryKeyString(), Colleague.UserId, LessonPrepPhases.Drafting), (copy.Id, copy.ForkedFrom, copy.Owner, copy.Phase));
        Assert.Equal("Talk about hobbies", copy.Sections.Single(s => s.Key == "objectives").Text);
        var fork = fixture.Grains.GetGrain<ILessonPrepGrain>(forkId);
        await fork.SubmitOpAsync(Colleague, new CommandId("c", 1), "objectives", 0, Ops(18, " for class 7(2)"));
        Assert.Equal("Talk about hobbies for class 7(2)", (await fork.GetAsync(Colleague)).Sections.Single(s => s.Key == "objectives").Text);
        Assert.Equal("Talk about hobbies", (await original.GetAsync(Leader)).Sections.Single(s => s.Key == "objectives").Text);
        var stranger = await Assert.ThrowsAsync<CollabException>(() => fork.JoinAsync(Leader));
        Assert.Equal(ErrorCodes.Forbidden, stranger.Code);
        var twice = await Assert.ThrowsAsync<CollabException>(() => original.ForkAsync(Leader, forkId));
        Assert.Equal(ErrorCodes.Conflict, twice.Code);
    }

    [Fact]
    public async Task The_group_sees_on_the_original_who_forked_and_who_wrote_their_reflection()
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Colleague);
        var original = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, "Unit 5");
        await original.SubmitOpAsync(Leader, new CommandId("t", 1), "reflection", 0, Ops("the lead's own notes"));
        await original.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        var forkId = $"lp-{Guid.NewGuid():N}";

        var copy = await original.ForkAsync(Colleague, forkId);

        var reflection = copy.Sections.Single(s => s.Key == "reflection");
        Assert.Equal(("课后反思", ""), (reflection.Title, reflection.Text));
        var forked = Assert.Single((await original.GetAsync(Leader)).Forks!);
        Assert.Equal((forkId, Colleague.UserId, false), (forked.ForkId, forked.UserId, forked.Reflected));

        var fork = fixture.Grains.GetGrain<ILessonPrepGrain>(forkId);
        var reports = fixture.Calls.Count(typeof(LessonPrepGrain), nameof(LessonPrepGrain.ForkReflectionAsync));
        await fork.SubmitOpAsync(Colleague, new CommandId("c", 1), "process", 0, Ops("warm-up game"));
        Assert.False(Assert.Single((await original.GetAsync(Leader)).Forks!).Reflected);
        await fork.SubmitOpAsync(Colleague, new CommandId("c", 2), "reflection", 1, Ops("学生对游戏环节反应热烈"));

        await fixture.Calls.WaitForAsync(typeof(LessonPrepGrain), nameof(LessonPrepGrain.ForkReflectionAsync), reports + 1, TimeSpan.FromSeconds(20));
        Assert.True(Assert.Single((await original.GetAsync(Leader)).Forks!).Reflected);
        var events = (await original.SyncAsync(Leader, 0)).Events.Select(e => e.Type).ToList();
        Assert.Contains("plan.forked", events);
        Assert.Contains("fork.reflected", events);
    }

    [Fact]
    public async Task Only_teachers_fork_a_plan()
    {
        var admin = new Caller("lf-admin", "教研员", Roles.Admin, "bureau", "city");
        var groupId = await NewGroupAsync(fixture.Grains, admin, Colleague);
        var plan = await NewPlanAsync(fixture.Grains, admin, groupId, "Unit 6");
        await plan.SetPhaseAsync(admin, LessonPrepPhases.Finalized);

        var refused = await Assert.ThrowsAsync<CollabException>(() => plan.ForkAsync(admin, $"lp-{Guid.NewGuid():N}"));
        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        Assert.Empty((await plan.GetAsync(admin)).Forks!);
    }
}
