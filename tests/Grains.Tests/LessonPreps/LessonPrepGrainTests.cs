using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using Collab.Ot;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.LessonPreps;

[Collection(ClusterCollection.Name)]
public sealed class LessonPrepGrainTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("lp-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("lp-colleague", "李老师", Roles.Teacher, "school-b", "county-b");
    private static readonly Caller Outsider = new("lp-outsider", "赵老师", Roles.Teacher, "school-c", "county-c");

    private static string Ops(params object[] components) => JsonSerializer.Serialize(components);

    /// <summary>A plan in a fresh group of the leader and a colleague; the colleague is its lead preparer.</summary>
    private async Task<(string Id, ILessonPrepGrain Plan)> NewPlanAsync()
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var group = fixture.Grains.GetGrain<IGroupGrain>(groupId);
        await group.CreateAsync(Leader, new CreateGroup("初中语文教研组", "chinese", "8", null));
        await group.AddMemberAsync(Leader, new NewMember(Colleague.UserId, Colleague.Name, Colleague.School, Colleague.County));
        var id = $"lp-{Guid.NewGuid():N}";
        var plan = fixture.Grains.GetGrain<ILessonPrepGrain>(id);
        await plan.CreateAsync(Colleague, groupId, new CreateLessonPrep("《背影》第一课时", "chinese", "8", null, SectionFormats.Text));
        return (id, plan);
    }

    private static async Task<string> TextOf(ILessonPrepGrain plan, string section) =>
        (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == section).Text;

    private static async Task<CollabException> Refused(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<CollabException>(call);
        Assert.Equal(code, error.Code);
        return error;
    }

    [Fact]
    public async Task A_new_plan_has_the_default_sections_and_only_group_members_create_or_see_it()
    {
        var (_, plan) = await NewPlanAsync();

        var view = await plan.GetAsync(Leader);
        Assert.Equal(["objectives", "key-points", "process", "homework", "board-design", "reflection"], view.Sections.Select(s => s.Key));
        Assert.All(view.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
        Assert.Equal(LessonPrepPhases.Drafting, view.Phase);
        Assert.Equal(Colleague.UserId, view.LeadPreparer);
        Assert.Equal(0, view.Revision);

        await Refused(ErrorCodes.NotMember, () => plan.GetAsync(Outsider));
        await Refused(ErrorCodes.NotMember, () => plan.JoinAsync(Outsider));
        await Refused(ErrorCodes.NotMember, () => plan.SubmitOpAsync(Outsider, new CommandId("x", 1), "objectives", 0, Ops("hi")));
        await Refused(ErrorCodes.NotMember, () => fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}")
            .CreateAsync(Outsider, view.GroupId, new CreateLessonPrep("t", "s", "g", null)));
        await Refused(ErrorCodes.NotFound, () => fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}").JoinAsync(Leader));
    }

    [Fact]
    public async Task Concurrent_ops_on_a_stale_base_converge_for_both_clients()
    {
        var (_, plan) = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("a", 1), "objectives", 0, Ops("理解父爱"));
        var seq = (await plan.JoinAsync(Leader)).Seq;

        // Both clients saw revision 1; A appends, B prepends, unaware of each other.
        var textAtOne = "理解父爱";
        var opA = Ops(4, "，体会朴实语言 👍");
        var opB = Ops("🎯", 4);
        var first = await plan.SubmitOpAsync(Leader, new CommandId("a", 2), "objectives", 1, opA);
        var second = await plan.SubmitOpAsync(Colleague, new CommandId("b", 1), "objectives", 1, opB);
        // An op in another section made on the same old base is not transformed at all.
        await plan.SubmitOpAsync(Colleague, new CommandId("b", 2), "homework", 1, Ops("背诵第六段"));

        Assert.Equal(2, first.Revision);
        Assert.Equal(3, second.Revision);
        var server = await TextOf(plan, "objectives");
        Assert.Equal("🎯理解父爱，体会朴实语言 👍", server);
        Assert.Equal("背诵第六段", await TextOf(plan, "homework"));

        // A applies its own op, then B's as broadcast (already transformed); B applies its own op, then A's
        // transformed against its pending one, as a client does. Both end where the server is.
        var a = TextOperation.Parse(JsonDocument.Parse(opA).RootElement);
        var b = TextOperation.Parse(JsonDocument.Parse(opB).RootElement);
        var events = (await plan.SyncAsync(Leader, seq)).Events.Where(e => e.Type == "op.applied").ToList();
        var broadcastB = JsonDocument.Parse(events[1].DataJson).RootElement;
        var clientA = TextOperation.Parse(broadcastB.GetProperty("ops")).Apply(a.Apply(textAtOne));
        var (aPrime, _) = TextOperation.Transform(a, b);
        var clientB = aPrime.Apply(b.Apply(textAtOne));
        Assert.Equal(server, clientA);
        Assert.Equal(server, clientB);
        Assert.Equal("b", broadcastB.GetProperty("clientId").GetString());
        Assert.Equal(3, broadcastB.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_resent_op_after_deactivation_returns_the_first_revision_and_changes_nothing()
    {
        var (_, plan) = await NewPlanAsync();
        var first = await plan.SubmitOpAsync(Leader, new CommandId("tab", 1), "process", 0, Ops("导入：播放朗读音频"));
        await plan.SubmitOpAsync(Leader, new CommandId("tab", 2), "process", 1, Ops(9, "（3分钟）"));
        var seq = (await plan.JoinAsync(Leader)).Seq;

        // Fewer ops than the snapshot interval: they exist only in the op log, so this proves its replay.
        await fixture.DeactivateAllAsync();

        var resent = await plan.SubmitOpAsync(Leader, new CommandId("tab", 1), "process", 0, Ops("导入：播放朗读音频"));
        Assert.Equal(first, resent);
        Assert.Equal("导入：播放朗读音频（3分钟）", await TextOf(plan, "process"));
        var joined = await plan.JoinAsync(Leader);
        Assert.Equal(seq, joined.Seq);
        Assert.Equal(2, (await plan.GetAsync(Leader)).Revision);
        var events = (await plan.SyncAsync(Leader, seq - 2)).Events;
        Assert.Equal(["op.applied", "op.applied"], events.Select(e => e.Type));

        var next = await plan.SubmitOpAsync(Leader, new CommandId("tab", 3), "process", 2, Ops(14, "。"));
        Assert.Equal(3, next.Revision);
        Assert.Equal(seq + 1, (await plan.JoinAsync(Leader)).Seq);
    }

    [Fact]
    public async Task An_op_on_a_revision_older_than_the_window_is_stale_and_one_inside_is_transformed()
    {
        var (_, plan) = await NewPlanAsync();
        for (var i = 0; i < 21; i++)
        {
            await plan.SubmitOpAsync(Leader, new CommandId("typist", i), "reflection", i, i == 0 ? Ops("字") : Ops(i, "字"));
        }

        await Refused(ErrorCodes.StaleRevision, () => plan.SubmitOpAsync(Colleague, new CommandId("late", 1), "reflection", 0, Ops("早")));
        var accepted = await plan.SubmitOpAsync(Colleague, new CommandId("late", 2), "reflection", 1, Ops("早", 1));
        Assert.Equal(22, accepted.Revision);
        Assert.Equal("早" + new string('字', 21), await TextOf(plan, "reflection"));
    }

    [Fact]
    public async Task Invalid_or_oversized_ops_are_refused_and_change_nothing()
    {
        var (_, plan) = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("c", 1), "objectives", 0, Ops("abc"));
        var seq = (await plan.JoinAsync(Leader)).Seq;

        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 2), "objectives", 1, "{\"insert\":\"x\"}"));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 3), "objectives", 1, "not json"));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 4), "objectives", 1, Ops(2, "x")));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 5), "objectives", 1, Ops(5, -1)));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 6), "objectives", 1, "[3, 1.5]"));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 7), "nowhere", 1, Ops("x")));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 8), "objectives", 2, Ops(3, "x")));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 9), "objectives", -1, Ops(3, "x")));
        await Refused(ErrorCodes.InvalidArgument, () => plan.SubmitOpAsync(Leader, new CommandId("c", 10), "objectives", 0, Ops(1, "x")));
        await Refused(ErrorCodes.TooLarge, () => plan.SubmitOpAsync(Leader, new CommandId("c", 11), "objectives", 1, Ops(3, new string('x', 70_000))));
        await plan.SubmitOpAsync(Leader, new CommandId("c", 12), "homework", 1, Ops(new string('x', 60_000)));
        await Refused(ErrorCodes.TooLarge, () => plan.SubmitOpAsync(Leader, new CommandId("c", 13), "homework", 2, Ops(60_000, new string('y', 50_000))));

        Assert.Equal("abc", await TextOf(plan, "objectives"));
        Assert.Equal(60_000, (await TextOf(plan, "homework")).Length);
        Assert.Equal(2, (await plan.GetAsync(Leader)).Revision);
        Assert.Equal(seq + 1, (await plan.JoinAsync(Leader)).Seq);
    }

    [Fact]
    public async Task A_finalized_plan_refuses_ops_and_only_the_lead_or_the_group_leader_change_the_phase()
    {
        var (_, plan) = await NewPlanAsync();
        var seq = (await plan.JoinAsync(Leader)).Seq;

        await plan.SetPhaseAsync(Colleague, LessonPrepPhases.Discussion);
        await plan.SetPhaseAsync(Leader, LessonPrepPhases.Finalized);
        await Refused(ErrorCodes.InvalidArgument, () => plan.SetPhaseAsync(Leader, "published"));

        await Refused(ErrorCodes.Forbidden, () => plan.SubmitOpAsync(Colleague, new CommandId("c", 1), "objectives", 0, Ops("late")));
        await Refused(ErrorCodes.Forbidden, () => plan.AssignSectionAsync(Colleague, "objectives", Leader.UserId));
        var view = await plan.GetAsync(Colleague);
        Assert.Equal(LessonPrepPhases.Finalized, view.Phase);
        Assert.Equal(0, view.Revision);
        var events = (await plan.SyncAsync(Leader, seq)).Events;
        Assert.Equal(["phase.changed", "version.saved", "phase.changed", "version.saved"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Sections_are_assigned_by_the_lead_to_group_members_only()
    {
        var (_, plan) = await NewPlanAsync();

        await plan.AssignSectionAsync(Colleague, "board-design", Leader.UserId);
        await Refused(ErrorCodes.InvalidArgument, () => plan.AssignSectionAsync(Colleague, "board-design", Outsider.UserId));
        await Refused(ErrorCodes.InvalidArgument, () => plan.AssignSectionAsync(Colleague, "nowhere", Leader.UserId));

        await fixture.DeactivateAllAsync();
        Assert.Equal(Leader.UserId, (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == "board-design").Assignee);
    }

    [Fact]
    public async Task After_a_snapshot_the_plan_comes_back_from_it_plus_the_later_rows()
    {
        var (id, plan) = await NewPlanAsync();
        var expected = "";
        for (var i = 0; i < 7; i++)
        {
            var piece = i % 2 == 0 ? "板书😀" : "设计";
            await plan.SubmitOpAsync(Colleague, new CommandId("tab", i), "board-design", i,
                expected.Length == 0 ? Ops(piece) : Ops(CodePoints.Count(expected), piece));
            expected += piece;
        }
        Assert.Equal(7, fixture.LessonOps.Count(id));

        // The snapshot written at the fifth op must hold ops 1-5: without their rows, only it can restore them.
        fixture.LessonOps.Forget(id, 5);
        await fixture.DeactivateAllAsync();

        var view = await plan.GetAsync(Colleague);
        Assert.Equal(expected, view.Sections.Single(s => s.Key == "board-design").Text);
        Assert.Equal(7, view.Revision);
        Assert.Equal(3, (await plan.SubmitOpAsync(Colleague, new CommandId("tab", 2), "board-design", 2, Ops("ignored"))).Revision);
        Assert.Equal(7, (await plan.SubmitOpAsync(Colleague, new CommandId("tab", 6), "board-design", 6, Ops("ignored"))).Revision);
        Assert.Equal(expected, await TextOf(plan, "board-design"));
    }
    [Fact]
    public async Task A_snapshot_leaves_out_op_events_and_activation_puts_the_window_back_from_the_op_log()
    {
        var (id, plan) = await NewPlanAsync();
        var before = (await plan.JoinAsync(Colleague)).Seq;
        for (var i = 0; i < 7; i++)
        {
            await plan.SubmitOpAsync(Colleague, new CommandId("tab", i), "board-design", i, i == 0 ? Ops("板") : Ops(i, "书"));
        }
        await plan.AddCommentAsync(Colleague, new CommandId("tab", 100), "board-design", 0, 1, "好");

        fixture.Storage.Edit<LessonPrepState>("lessonprep", plan.GetGrainId(), state =>
        {
            Assert.Equal(before + 8, state.Log.Seq);
            Assert.Equal(["comment.added"], state.Log.Events.Where(e => e.Seq > before).Select(e => e.Type));
        });
        await fixture.DeactivateAllAsync();

        var events = (await plan.SyncAsync(Colleague, before)).Events;
        Assert.Equal(Enumerable.Range(1, 8).Select(n => before + n), events.Select(e => e.Seq));
        Assert.Equal([.. Enumerable.Repeat("op.applied", 7), "comment.added"], events.Select(e => e.Type));
        Assert.Equal(7, JsonDocument.Parse(events[6].DataJson).RootElement.GetProperty("revision").GetInt64());
        Assert.Equal(7, fixture.LessonOps.Count(id));
    }
    [Fact]
    public async Task An_op_is_acknowledged_before_the_snapshot_it_triggers_and_a_failed_snapshot_loses_none_of_the_ops()
    {
        var (id, plan) = await NewPlanAsync();
        for (var i = 0; i < 4; i++)
        {
            await plan.SubmitOpAsync(Colleague, new CommandId("tab", i), "board-design", i, i == 0 ? Ops("一") : Ops(i, "二"));
        }
        fixture.Storage.FailWrites = true;
        try
        {
            Assert.Equal(5, (await plan.SubmitOpAsync(Colleague, new CommandId("tab", 4), "board-design", 4, Ops(4, "三"))).Revision);
        }
        finally
        {
            fixture.Storage.FailWrites = false;
        }

        Assert.Equal(5, fixture.LessonOps.Count(id));
        await fixture.DeactivateAllAsync();
        Assert.Equal("一二二二三", await TextOf(plan, "board-design"));
        Assert.Equal(5, (await plan.SubmitOpAsync(Colleague, new CommandId("tab", 4), "board-design", 4, Ops("ignored"))).Revision);
    }
}
