using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.LessonPreps;
using Collab.Grains.Tests.Cluster;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;

namespace Collab.Grains.Tests.LessonPreps;

/// <summary>
/// Group commit of ops: what arrives while an op-log write is under way goes out together in the next write, each op
/// acknowledged only once its write is durable, a resend never applied twice, a failed write failing its whole batch.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LessonOpBatchingTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Caller Leader = new("batch-leader", "周老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("batch-colleague", "吴老师", Roles.Teacher, "school-b", "county-b");

    private async Task<(string Id, ILessonPrepGrain Plan)> NewPlanAsync()
    {
        var plan = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, await NewGroupAsync(fixture.Grains, Leader, Colleague));
        return (plan.GetPrimaryKeyString(), plan);
    }

    /// <summary>A malformed op is refused before it is queued, so it does not wait for the write under way.</summary>
    private static async Task RefusedWhileWriting(ILessonPrepGrain plan, Caller caller)
    {
        var error = await Assert.ThrowsAsync<CollabException>(() => plan.SubmitOpAsync(caller, new CommandId("probe", 1), "objectives", 0, "not json"))
            .WaitAsync(Patience);
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }

    [Fact]
    public async Task Ops_arriving_during_a_write_go_out_together_in_the_next_one_and_are_acknowledged_only_after_it()
    {
        using var waited = new MeasuredCount(LessonPrepMetrics.OpsWaitedName);
        var (id, plan) = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("a", 1), "objectives", 0, Ops("理解"));
        var seq = (await plan.JoinAsync(Leader)).Seq;
        var firstWrite = fixture.LessonOps.HoldNextWrite(id);
        var secondWrite = fixture.LessonOps.HoldNextWrite(id);

        var first = plan.SubmitOpAsync(Leader, new CommandId("a", 2), "objectives", 1, Ops(2, "。"));
        Assert.Single(await firstWrite.Arrived.WaitAsync(Patience));
        // Three edits made on revision 1, concurrent with the first and with each other, and the first's resend.
        var second = plan.SubmitOpAsync(Colleague, new CommandId("b", 1), "objectives", 1, Ops("🎯", 2));
        var third = plan.SubmitOpAsync(Leader, new CommandId("c", 1), "homework", 1, Ops("背诵"));
        var fourth = plan.SubmitOpAsync(Colleague, new CommandId("d", 1), "objectives", 1, Ops(1, "父", 1));
        var resentFirst = plan.SubmitOpAsync(Leader, new CommandId("a", 2), "objectives", 1, Ops(2, "。"));
        await waited.ReachAsync(4, Patience);
        await RefusedWhileWriting(plan, Colleague);
        Assert.All(new[] { first, second, third, fourth, resentFirst }, op => Assert.False(op.IsCompleted));

        firstWrite.Release();
        Assert.Equal(new OpAccepted(2), await first.WaitAsync(Patience));
        Assert.Equal(new OpAccepted(2), await resentFirst.WaitAsync(Patience));
        var batch = await secondWrite.Arrived.WaitAsync(Patience);
        Assert.Equal([3L, 4L, 5L], batch.Select(r => r.Revision));
        Assert.Equal([seq + 2, seq + 3, seq + 4], batch.Select(r => r.Seq));
        Assert.Equal(["b", "c", "d"], batch.Select(r => r.ClientId).Order());
        var revisionOfThird = batch.Single(r => r.ClientId == "c").Revision;
        // Resent while its batch is being written: it must get the same answer once that lands, not a second revision.
        var resentThird = plan.SubmitOpAsync(Leader, new CommandId("c", 1), "homework", 1, Ops("背诵"));
        await waited.ReachAsync(5, Patience);
        Assert.All(new[] { second, third, fourth, resentThird }, op => Assert.False(op.IsCompleted));

        secondWrite.Release();
        var answers = await Task.WhenAll(second, third, fourth, resentThird).WaitAsync(Patience);
        Assert.Equal(batch.Single(r => r.ClientId == "b").Revision, answers[0].Revision);
        Assert.Equal(revisionOfThird, answers[1].Revision);
        Assert.Equal(batch.Single(r => r.ClientId == "d").Revision, answers[2].Revision);
        Assert.Equal(revisionOfThird, answers[3].Revision);
        Assert.Equal([1, 1, 3], fixture.LessonOps.WriteSizes(id));
        var view = await plan.GetAsync(Leader);
        Assert.Equal(5, view.Revision);
        // Each op was transformed against the ones applied before it, in the batch and before it.
        Assert.Equal("🎯理父解。", view.Sections.Single(s => s.Key == "objectives").Text);
        Assert.Equal("背诵", view.Sections.Single(s => s.Key == "homework").Text);
        var events = (await plan.SyncAsync(Leader, seq)).Events;
        Assert.Equal([seq + 1, seq + 2, seq + 3, seq + 4], events.Select(e => e.Seq));

        await fixture.DeactivateAllAsync();
        Assert.Equal(answers[2], await plan.SubmitOpAsync(Colleague, new CommandId("d", 1), "objectives", 1, Ops(1, "父", 1)));
        Assert.Equal("🎯理父解。", (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == "objectives").Text);
    }

    [Fact]
    public async Task A_failed_write_fails_every_op_of_its_batch_and_of_the_queue_and_the_plan_comes_back_without_them()
    {
        using var waited = new MeasuredCount(LessonPrepMetrics.OpsWaitedName);
        var (id, plan) = await NewPlanAsync();
        await plan.SubmitOpAsync(Leader, new CommandId("a", 1), "process", 0, Ops("导入"));
        var seq = (await plan.JoinAsync(Leader)).Seq;
        var doomed = fixture.LessonOps.HoldNextWrite(id);

        var lost = plan.SubmitOpAsync(Leader, new CommandId("a", 2), "process", 1, Ops(2, "新课"));
        await doomed.Arrived.WaitAsync(Patience);
        var queued = plan.SubmitOpAsync(Colleague, new CommandId("b", 1), "process", 1, Ops("复习", 2));
        var resent = plan.SubmitOpAsync(Leader, new CommandId("a", 2), "process", 1, Ops(2, "新课"));
        await waited.ReachAsync(2, Patience);
        doomed.Fail();

        foreach (var op in new[] { lost, queued, resent })
        {
            var error = await Assert.ThrowsAsync<CollabException>(() => op.WaitAsync(Patience));
            Assert.Equal(ErrorCodes.Unavailable, error.Code);
        }
        Assert.Equal(1, fixture.LessonOps.Count(id));

        // The activation that applied them in memory is gone: the plan is back at its durable state.
        var joined = await plan.JoinAsync(Leader);
        Assert.Equal(seq, joined.Seq);
        Assert.Equal("导入", (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == "process").Text);
        // The clients resend what was never acknowledged; each is applied exactly once.
        Assert.Equal(new OpAccepted(2), await plan.SubmitOpAsync(Leader, new CommandId("a", 2), "process", 1, Ops(2, "新课")));
        Assert.Equal(new OpAccepted(3), await plan.SubmitOpAsync(Colleague, new CommandId("b", 1), "process", 1, Ops("复习", 2)));
        Assert.Equal(new OpAccepted(2), await plan.SubmitOpAsync(Leader, new CommandId("a", 2), "process", 1, Ops(2, "新课")));
        Assert.Equal("复习导入新课", (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == "process").Text);
        Assert.Equal(3, fixture.LessonOps.Count(id));
    }

    [Fact]
    public async Task A_command_that_is_not_an_op_waits_for_the_write_under_way_and_sees_only_durable_state()
    {
        var (id, plan) = await NewPlanAsync();
        var held = fixture.LessonOps.HoldNextWrite(id);
        var op = plan.SubmitOpAsync(Leader, new CommandId("a", 1), "objectives", 0, Ops("目标"));
        await held.Arrived.WaitAsync(Patience);

        var view = plan.GetAsync(Colleague);
        var comment = plan.AddCommentAsync(Colleague, new CommandId("b", 1), "objectives", 0, 2, "很好");
        // Submitted after them, so it is not ahead of them if messages keep their order; either way they must wait.
        await RefusedWhileWriting(plan, Colleague);
        Assert.False(view.IsCompleted);
        Assert.False(comment.IsCompleted);

        held.Release();
        await op.WaitAsync(Patience);
        Assert.Equal("目标", (await view.WaitAsync(Patience)).Sections.Single(s => s.Key == "objectives").Text);
        Assert.Equal("c1", (await comment.WaitAsync(Patience)).CommentId);
    }

    [Fact]
    public async Task Rows_behind_the_snapshot_and_the_transform_window_are_pruned_at_snapshots()
    {
        // The test cluster snapshots every 5 ops and keeps a window of 20.
        var (id, plan) = await NewPlanAsync();
        for (var i = 0; i < 34; i++)
        {
            await plan.SubmitOpAsync(Leader, new CommandId("typist", i), "reflection", i, i == 0 ? Ops("字") : Ops(i, "字"));
        }
        Assert.Equal(30 - 20 + 1, fixture.LessonOps.OldestRevision(id));
        Assert.Equal(34 - 10, fixture.LessonOps.Count(id));

        await fixture.DeactivateAllAsync();
        // Still within the window after reactivation: revision 14 is transformed, 13 is stale, as before the prune.
        Assert.Equal(35, (await plan.SubmitOpAsync(Colleague, new CommandId("late", 1), "reflection", 14, Ops("早", 14))).Revision);
        var stale = await Assert.ThrowsAsync<CollabException>(() => plan.SubmitOpAsync(Colleague, new CommandId("late", 2), "reflection", 13, Ops(13)));
        Assert.Equal(ErrorCodes.StaleRevision, stale.Code);
        Assert.Equal("早" + new string('字', 34), (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == "reflection").Text);
    }
}
