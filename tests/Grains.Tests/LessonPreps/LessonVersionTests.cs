using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;
using Collab.Grains.Tests.Cluster;
using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.LessonPreps;

[Collection(ClusterCollection.Name)]
public sealed class LessonVersionTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("lv-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("lv-colleague", "李老师", Roles.Teacher, "school-b", "county-b");

    private async Task<ILessonPrepGrain> NewPlanAsync()
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Colleague);
        var plan = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, "浮力");
        return plan;
    }

    private static async Task<string> TextOf(ILessonPrepGrain plan, string section) =>
        (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == section).Text;

    [Fact]
    public async Task A_saved_version_can_be_listed_viewed_and_restored_as_ordinary_ops()
    {
        var plan = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("t", 1), "objectives", 0, Ops("理解浮力"));
        await plan.SubmitOpAsync(Leader, new CommandId("t", 2), "process", 1, Ops("实验导入"));
        var saved = await plan.SaveVersionAsync(Colleague, "初稿");
        await plan.SubmitOpAsync(Colleague, new CommandId("c", 1), "objectives", 2, Ops(4, "和阿基米德原理"));
        await plan.SubmitOpAsync(Colleague, new CommandId("c", 2), "process", 3, Ops(-4));

        var listed = Assert.Single(await plan.ListVersionsAsync(Colleague));
        Assert.Equal(("初稿", 2L, Colleague.UserId), (listed.Label, listed.Revision, listed.CreatedBy));
        var viewed = await plan.GetVersionAsync(Leader, saved.VersionId);
        Assert.Equal("理解浮力", viewed.Sections.Single(s => s.Key == "objectives").Text);

        var restored = await plan.RestoreVersionAsync(Leader, saved.VersionId);

        Assert.Equal(6, restored.Revision);
        Assert.Equal("理解浮力", await TextOf(plan, "objectives"));
        Assert.Equal("实验导入", await TextOf(plan, "process"));
        var sync = await plan.SyncAsync(Leader, 0);
        Assert.Equal(6, sync.Events.Count(e => e.Type == "op.applied"));
        Assert.Contains(sync.Events, e => e.Type == "version.restored");

        await fixture.DeactivateAllAsync();
        Assert.Equal("理解浮力", await TextOf(plan, "objectives"));
        Assert.Equal(6, (await plan.GetAsync(Leader)).Revision);
    }

    [Fact]
    public async Task Each_phase_change_saves_a_version_and_only_the_lead_restores()
    {
        var plan = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("t", 1), "objectives", 0, Ops("草稿"));
        await plan.SetPhaseAsync(Leader, LessonPrepPhases.Discussion);

        var automatic = Assert.Single(await plan.ListVersionsAsync(Leader));
        Assert.Contains(LessonPrepPhases.Discussion, automatic.Label);
        var refused = await Assert.ThrowsAsync<CollabException>(() => plan.RestoreVersionAsync(Colleague, automatic.VersionId));
        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        var unknown = await Assert.ThrowsAsync<CollabException>(() => plan.GetVersionAsync(Leader, "v-nope"));
        Assert.Equal(ErrorCodes.NotFound, unknown.Code);
        var empty = await Assert.ThrowsAsync<CollabException>(() => plan.SaveVersionAsync(Leader, " "));
        Assert.Equal(ErrorCodes.InvalidArgument, empty.Code);
    }

    [Fact]
    public async Task A_plan_keeps_at_most_its_cap_of_versions_and_still_changes_phase_at_the_cap()
    {
        var plan = await NewPlanAsync();
        for (var i = 1; i < LessonPrepLimits.Versions; i++)
        {
            await plan.SaveVersionAsync(Colleague, $"第{i}稿");
        }
        await plan.SetPhaseAsync(Leader, LessonPrepPhases.Discussion);
        Assert.Equal(LessonPrepLimits.Versions, (await plan.ListVersionsAsync(Leader)).Count);

        var refused = await Assert.ThrowsAsync<CollabException>(() => plan.SaveVersionAsync(Colleague, "再一稿"));

        Assert.Equal(ErrorCodes.Conflict, refused.Code);
        await plan.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        Assert.Equal(LessonPrepPhases.Finalized, (await plan.GetAsync(Leader)).Phase);
        var kept = await plan.ListVersionsAsync(Leader);
        Assert.Equal(LessonPrepLimits.Versions, kept.Count);
        Assert.DoesNotContain(kept, v => v.Label == "再一稿");
    }
}
