using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using Collab.Grains.Tests.Cluster;
using Collab.Ot.Rich;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>A plan made with rich sections (PROTOCOL §9) through its grain: ops, durability, versions and copies.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RichLessonPrepGrainTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("rich-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("rich-colleague", "李老师", Roles.Teacher, "school-b", "county-b");

    private async Task<ILessonPrepGrain> NewPlanAsync(string? format = SectionFormats.Rich)
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var group = fixture.Grains.GetGrain<IGroupGrain>(groupId);
        await group.CreateAsync(Leader, new CreateGroup("初中物理教研组", "physics", "8", null));
        await group.AddMemberAsync(Leader, new NewMember(Colleague.UserId, Colleague.Name, Colleague.School, Colleague.County));
        var plan = fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}");
        await plan.CreateAsync(Leader, groupId, new CreateLessonPrep("浮力", "physics", "8", null, format));
        return plan;
    }

    private static async Task<Delta> ContentOf(ILessonPrepGrain plan, string section) =>
        Delta.Parse((await plan.GetAsync(Leader)).Sections.Single(s => s.Key == section).Content!);

    private static async Task Refused(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<CollabException>(call)).Code);

    [Fact]
    public async Task Every_section_of_a_new_plan_is_by_default_an_empty_quill_document_and_a_text_plan_stays_text()
    {
        var rich = await NewPlanAsync(format: null);
        var text = await NewPlanAsync(SectionFormats.Text);

        Assert.All((await rich.GetAsync(Leader)).Sections, s =>
        {
            Assert.Equal((SectionFormats.Rich, "", LessonSection.EmptyRichContent), (s.Format, s.Text, s.Content));
        });
        Assert.All((await text.GetAsync(Leader)).Sections, s => Assert.Equal((SectionFormats.Text, null), (s.Format, s.Content)));
        await Refused(ErrorCodes.InvalidArgument, () => NewPlanAsync(format: "html"));
    }

    [Fact]
    public async Task Changes_past_the_snapshot_interval_survive_a_deactivation_and_a_resend_changes_nothing()
    {
        var plan = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("tab", 1), "process", 0, """[{"insert":"导入"}]""");
        // Made on revision 0 as well: transformed past the leader's insert, it lands after it.
        await plan.SubmitOpAsync(Colleague, new CommandId("tab", 1), "process", 0, """[{"insert":"实验","attributes":{"bold":true}}]""");
        for (var i = 0; i < 7; i++)
        {
            await plan.SubmitOpAsync(Leader, new CommandId("tab", 2 + i), "process", 2 + i, """[{"retain":4},{"insert":"。"}]""");
        }
        var expected = Delta.Parse("""[{"insert":"导入"},{"insert":"实验","attributes":{"bold":true}},{"insert":"。。。。。。。\n"}]""");
        Assert.Equal(expected, await ContentOf(plan, "process"));

        await fixture.DeactivateAllAsync();

        Assert.Equal(expected, await ContentOf(plan, "process"));
        Assert.Equal(new OpAccepted(2), await plan.SubmitOpAsync(Colleague, new CommandId("tab", 1), "process", 0,
            """[{"insert":"实验","attributes":{"bold":true}}]"""));
        Assert.Equal(expected, await ContentOf(plan, "process"));
        Assert.Equal(9, (await plan.GetAsync(Leader)).Revision);
    }

    [Fact]
    public async Task A_rich_section_refuses_text_ops_unknown_formats_and_changes_past_its_end()
    {
        var plan = await NewPlanAsync();

        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("tab", 1), "process", 0, """["导入"]"""));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("tab", 2), "process", 0,
            """[{"insert":"x","attributes":{"script":"alert(1)"}}]"""));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("tab", 3), "process", 0,
            """[{"retain":5},{"insert":"x"}]"""));

        Assert.Equal(Delta.Parse(LessonSection.EmptyRichContent), await ContentOf(plan, "process"));
        Assert.Equal(0, (await plan.GetAsync(Leader)).Revision);
    }

    [Fact]
    public async Task Restoring_a_version_brings_back_its_formats_and_a_copy_keeps_the_rich_content()
    {
        var plan = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("tab", 1), "process", 0, """[{"insert":"浮力","attributes":{"bold":true}},{"insert":"\n","attributes":{"header":2}}]""");
        var saved = await ContentOf(plan, "process");
        var version = await plan.SaveVersionAsync(Leader, "初稿");
        await plan.SubmitOpAsync(Leader, new CommandId("tab", 2), "process", 1, """[{"retain":2,"attributes":{"bold":null}},{"insert":"阿基米德"}]""");
        Assert.NotEqual(saved, await ContentOf(plan, "process"));

        await plan.RestoreVersionAsync(Leader, version.VersionId);

        Assert.Equal(saved, await ContentOf(plan, "process"));
        await plan.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        var copy = await plan.ForkAsync(Colleague, $"lp-{Guid.NewGuid():N}");
        var process = copy.Sections.Single(s => s.Key == "process");
        Assert.Equal((SectionFormats.Rich, saved), (process.Format, Delta.Parse(process.Content!)));
        var reflection = copy.Sections.Single(s => s.Key == LessonPrepLimits.Reflection.Key);
        Assert.Equal((SectionFormats.Rich, LessonSection.EmptyRichContent), (reflection.Format, reflection.Content));
    }
}
