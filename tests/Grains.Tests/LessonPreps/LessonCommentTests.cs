using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using static Collab.Grains.Tests.LessonPreps.PlanScenario;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.LessonPreps;

[Collection(ClusterCollection.Name)]
public sealed class LessonCommentTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("lc-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("lc-colleague", "李老师", Roles.Teacher, "school-b", "county-b");

    private async Task<ILessonPrepGrain> NewPlanAsync(string text)
    {
        var groupId = await PlanScenario.NewGroupAsync(fixture.Grains, Leader, Colleague);
        var plan = await PlanScenario.NewPlanAsync(fixture.Grains, Leader, groupId, "勾股定理");
        await plan.SubmitOpAsync(Leader, new CommandId("setup", 1), "process", 0, Ops(text));
        return plan;
    }

    private static async Task<JsonElement> CommentAsync(ILessonPrepGrain plan, string id)
    {
        var snapshot = JsonDocument.Parse((await plan.JoinAsync(Leader)).SnapshotJson).RootElement;
        return snapshot.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
    }

    private static (int Start, int End) Range(JsonElement comment) =>
        (comment.GetProperty("start").GetInt32(), comment.GetProperty("end").GetInt32());

    [Fact]
    public async Task A_comment_range_moves_with_later_ops_and_does_not_grow_when_typing_at_its_edges()
    {
        var plan = await NewPlanAsync("直角三角形两直角边的平方和等于斜边的平方");
        var added = await plan.AddCommentAsync(Colleague, new CommandId("c", 1), "process", 8, 14, "这里要配图 👍");
        Assert.Equal((8, 14), Range(await CommentAsync(plan, added.CommentId)));

        await plan.SubmitOpAsync(Leader, new CommandId("setup", 2), "process", 1, Ops("在", 20));
        Assert.Equal((9, 15), Range(await CommentAsync(plan, added.CommentId)));

        await plan.SubmitOpAsync(Leader, new CommandId("setup", 3), "process", 2, Ops(9, "「", 6, "」", 6));
        Assert.Equal((10, 16), Range(await CommentAsync(plan, added.CommentId)));

        await plan.SubmitOpAsync(Leader, new CommandId("setup", 4), "process", 3, Ops(4, -19));
        var collapsed = Range(await CommentAsync(plan, added.CommentId));
        Assert.Equal(collapsed.Start, collapsed.End);
        Assert.Equal(4, collapsed.Start);
    }

    [Fact]
    public async Task Comments_and_their_moved_anchors_survive_reactivation_and_resolve_once()
    {
        var plan = await NewPlanAsync("abcdef");
        var added = await plan.AddCommentAsync(Colleague, new CommandId("c", 1), "process", 2, 4, "why?");
        Assert.Equal(added, await plan.AddCommentAsync(Colleague, new CommandId("c", 1), "process", 2, 4, "why?"));
        await plan.SubmitOpAsync(Leader, new CommandId("setup", 2), "process", 1, Ops("xy", 6));

        await fixture.DeactivateAllAsync();

        var comment = await CommentAsync(plan, added.CommentId);
        Assert.Equal((4, 6), Range(comment));
        Assert.Equal("why?", comment.GetProperty("text").GetString());
        await plan.ResolveCommentAsync(Leader, added.CommentId);
        await plan.ResolveCommentAsync(Colleague, added.CommentId);
        var resolved = await CommentAsync(plan, added.CommentId);
        Assert.True(resolved.GetProperty("resolved").GetBoolean());
        Assert.Equal(Leader.UserId, resolved.GetProperty("resolvedBy").GetString());
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(0, 7)]
    public async Task A_range_outside_the_section_is_refused(int start, int end)
    {
        var plan = await NewPlanAsync("abcdef");
        var error = await Assert.ThrowsAsync<CollabException>(() => plan.AddCommentAsync(Leader, new CommandId("c", 1), "process", start, end, "x"));
        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse((await plan.JoinAsync(Leader)).SnapshotJson).RootElement.GetProperty("comments").ValueKind);
        Assert.Empty(JsonDocument.Parse((await plan.JoinAsync(Leader)).SnapshotJson).RootElement.GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task Empty_or_oversized_comments_and_unknown_ids_are_refused()
    {
        var plan = await NewPlanAsync("abcdef");
        Assert.Equal(ErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<CollabException>(() => plan.AddCommentAsync(Leader, new CommandId("c", 1), "process", 0, 1, " "))).Code);
        Assert.Equal(ErrorCodes.TooLarge, (await Assert.ThrowsAsync<CollabException>(() => plan.AddCommentAsync(Leader, new CommandId("c", 2), "process", 0, 1, new string('x', 2001)))).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, (await Assert.ThrowsAsync<CollabException>(() => plan.AddCommentAsync(Leader, new CommandId("c", 3), "nope", 0, 1, "x"))).Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<CollabException>(() => plan.ResolveCommentAsync(Leader, "c99"))).Code);
    }
}
