using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.LessonPreps;

[Collection(ClusterCollection.Name)]
public sealed class LessonForkTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("lf-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("lf-colleague", "李老师", Roles.Teacher, "school-b", "county-b");
    private static readonly Caller Outsider = new("lf-outsider", "赵老师", Roles.Teacher, "school-c", "county-c");

    private static string Ops(params object[] components) => JsonSerializer.Serialize(components);

    [Fact]
    public async Task A_finalized_plan_forks_into_a_personal_copy_that_only_its_owner_sees_and_edits()
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var group = fixture.Grains.GetGrain<IGroupGrain>(groupId);
        await group.CreateAsync(Leader, new CreateGroup("初中英语教研组", "english", "7", null));
        await group.AddMemberAsync(Leader, new NewMember(Colleague.UserId, Colleague.Name, Colleague.School, Colleague.County));
        var original = fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}");
        await original.CreateAsync(Leader, groupId, new CreateLessonPrep("Unit 3", "english", "7", null));
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
}
