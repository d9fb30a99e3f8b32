using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Groups;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.LessonPreps;

[Collection(ClusterCollection.Name)]
public sealed class LessonMembershipTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("lm-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("lm-colleague", "李老师", Roles.Teacher, "school-b", "county-b");

    /// <summary>A group of the leader and the colleague, and a plan the colleague has edited once (so it knows them).</summary>
    private async Task<(IGroupGrain Group, ILessonPrepGrain Plan)> PlanEditedByColleagueAsync(string title)
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Colleague);
        var plan = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, title);
        await plan.SubmitOpAsync(Colleague, new CommandId($"c-{title}", 1), "objectives", 0, Ops("first"));
        return (fixture.Grains.GetGrain<IGroupGrain>(groupId), plan);
    }

    private async Task RefusedAsNonMember(ILessonPrepGrain plan)
    {
        var refused = await Assert.ThrowsAsync<CollabException>(() => plan.SubmitOpAsync(Colleague, new CommandId("late", 2), "objectives", 1, Ops(5, "!")));
        Assert.Equal(ErrorCodes.NotMember, refused.Code);
        Assert.Equal(1, (await plan.GetAsync(Leader)).Revision);
    }

    [Fact]
    public async Task A_member_removed_from_the_group_is_refused_at_once()
    {
        var (group, plan) = await PlanEditedByColleagueAsync("Unit 4");

        await group.RemoveMemberAsync(Leader, Colleague.UserId);

        await RefusedAsNonMember(plan);
    }

    [Fact]
    public async Task A_confirmed_member_edits_without_asking_the_group_again_and_the_plan_is_kept_among_its_watchers()
    {
        var (group, plan) = await PlanEditedByColleagueAsync("Unit 5");

        var asked = fixture.Calls.Count(typeof(GroupGrain), nameof(IGroupGrain.GetMemberRoleAsync));
        for (var i = 2; i <= 6; i++)
        {
            await plan.SubmitOpAsync(Colleague, new CommandId("w", i), "objectives", i - 1, Ops(5 + i - 2, "b"));
        }

        Assert.Equal(asked, fixture.Calls.Count(typeof(GroupGrain), nameof(IGroupGrain.GetMemberRoleAsync)));
        fixture.Storage.Edit<GroupState>("group", group.GetGrainId(), state => Assert.Equal([plan.GetPrimaryKeyString()], state.MemberWatchers));
    }

    [Fact]
    public async Task A_member_removed_while_the_plan_was_inactive_is_refused_by_the_new_activation()
    {
        var (group, plan) = await PlanEditedByColleagueAsync("Unit 6");
        await fixture.DeactivateAllAsync();

        await group.RemoveMemberAsync(Leader, Colleague.UserId);

        await RefusedAsNonMember(plan);
    }

    [Fact]
    public async Task A_member_removed_while_the_member_list_was_on_its_way_is_refused_at_once()
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Colleague);
        var group = fixture.Grains.GetGrain<IGroupGrain>(groupId);
        var (answered, release) = fixture.AnswerHold.Arm(nameof(IGroupGrain.WatchMembersAsync));

        var creating = PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, "Unit 7");
        await answered.WaitAsync(TimeSpan.FromSeconds(20));
        await group.RemoveMemberAsync(Leader, Colleague.UserId);
        release();
        var plan = await creating;

        // The list was read before the removal and still names the colleague; the removal told meanwhile wins.
        var refused = await Assert.ThrowsAsync<CollabException>(() => plan.SubmitOpAsync(Colleague, new CommandId("c-race", 1), "objectives", 0, Ops("x")));
        Assert.Equal(ErrorCodes.NotMember, refused.Code);
        Assert.Equal(0, (await plan.GetAsync(Leader)).Revision);
    }

    [Fact]
    public async Task A_member_added_after_the_list_was_read_gets_in_at_once_and_a_removal_while_their_check_was_on_its_way_back_is_not_kept()
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Leader);
        var plan = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, "Unit 8");
        var group = fixture.Grains.GetGrain<IGroupGrain>(groupId);
        await group.AddMemberAsync(Leader, new NewMember(Colleague.UserId, Colleague.Name, Colleague.School, Colleague.County));
        var (answered, release) = fixture.AnswerHold.Arm(nameof(IGroupGrain.GetMemberRoleAsync));

        var edit = plan.SubmitOpAsync(Colleague, new CommandId("c-race", 1), "objectives", 0, Ops("first"));
        await answered.WaitAsync(TimeSpan.FromSeconds(20));
        await group.RemoveMemberAsync(Leader, Colleague.UserId);
        release();

        // The group answered before the removal, so that one edit stands; the answer must not be trusted after it.
        Assert.Equal(1, (await edit).Revision);
        await RefusedAsNonMember(plan);
    }
}
