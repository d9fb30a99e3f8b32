using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Groups;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Groups;

[Collection(ClusterCollection.Name)]
public sealed class GroupGrainTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("leader-1", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("teacher-2", "李老师", Roles.Teacher, "school-b", "county-b");
    private static readonly Caller Student = new("student-1", "小明", Roles.Student, "school-a", "county-a");

    private async Task<IGroupGrain> NewGroupAsync()
    {
        var group = fixture.Grains.GetGrain<IGroupGrain>($"g-{Guid.NewGuid():N}");
        await group.CreateAsync(Leader, new CreateGroup("初中数学教研组", "math", "7", null));
        return group;
    }

    [Fact]
    public async Task Creating_twice_is_a_conflict()
    {
        var group = await NewGroupAsync();
        var error = await Assert.ThrowsAsync<CollabException>(() => group.CreateAsync(Leader, new CreateGroup("again", "math", "7", null)));
        Assert.Equal(ErrorCodes.Conflict, error.Code);
    }

    [Fact]
    public async Task The_catalog_line_follows_the_group_and_a_lost_write_is_repaired_at_the_next_activation()
    {
        var group = fixture.Grains.GetGrain<IGroupGrain>($"g-{Guid.NewGuid():N}");
        var id = group.GetPrimaryKeyString();
        await group.CreateAsync(Leader, new CreateGroup("初中数学教研组", "math", "7", null, "county-a"));
        Assert.Equal(new GroupListing(id, "初中数学教研组", "math", "7", "county-a", 1, new GroupLeader(Leader.UserId, Leader.Name)),
            fixture.GroupCatalog.LineOf(id));

        fixture.GroupCatalog.FailWrites = true;
        try
        {
            await group.RequestJoinAsync(Colleague);
            var admitted = await group.ApproveJoinAsync(Leader, Colleague.UserId);
            Assert.Equal(Colleague.UserId, admitted.UserId);
            Assert.Equal(1, fixture.GroupCatalog.LineOf(id)!.MemberCount);
        }
        finally
        {
            fixture.GroupCatalog.FailWrites = false;
        }

        await fixture.DeactivateAllAsync();
        Assert.Equal(2, (await group.GetAsync(Leader)).MemberCount);
        Assert.Equal(2, fixture.GroupCatalog.LineOf(id)!.MemberCount);
    }

    [Fact]
    public async Task Only_the_leader_lists_and_declines_join_requests_and_a_declined_teacher_may_ask_again()
    {
        var group = await NewGroupAsync();
        await group.RequestJoinAsync(Colleague);

        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<CollabException>(() => group.ListJoinRequestsAsync(Colleague))).Code);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<CollabException>(() => group.DeclineJoinAsync(Colleague, Colleague.UserId))).Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<CollabException>(() => group.DeclineJoinAsync(Leader, "nobody"))).Code);
        Assert.Equal(Colleague.UserId, Assert.Single(await group.ListJoinRequestsAsync(Leader)).UserId);

        await group.DeclineJoinAsync(Leader, Colleague.UserId);
        Assert.Empty(await group.ListJoinRequestsAsync(Leader));
        Assert.Null(await group.GetMemberRoleAsync(Colleague.UserId));

        await group.RequestJoinAsync(Colleague);
        Assert.Single(await group.ListJoinRequestsAsync(Leader));
    }

    [Fact]
    public async Task A_message_and_its_command_result_survive_reactivation()
    {
        var group = await NewGroupAsync();
        var first = await group.PostMessageAsync(Leader, new CommandId("tab", 1), "第一条");
        var seq = (await group.JoinAsync(Leader)).Seq;

        await fixture.DeactivateAllAsync();

        var resent = await group.PostMessageAsync(Leader, new CommandId("tab", 1), "第一条");
        Assert.Equal(first, resent);
        var joined = await group.JoinAsync(Leader);
        Assert.Equal(seq, joined.Seq);
        Assert.Contains("第一条", joined.SnapshotJson);
        var sync = await group.SyncAsync(Leader, seq - 1);
        Assert.Equal("message.posted", Assert.Single(sync.Events).Type);
    }

    [Fact]
    public async Task A_post_whose_row_is_not_written_is_not_acknowledged_and_leaves_no_trace()
    {
        var group = await NewGroupAsync();
        var seq = (await group.JoinAsync(Leader)).Seq;
        fixture.LiveEvents.Fail(true);
        try
        {
            var error = await Assert.ThrowsAsync<CollabException>(() => group.PostMessageAsync(Leader, new CommandId("tab", 1), "lost?"));
            Assert.Equal(ErrorCodes.Unavailable, error.Code);
        }
        finally
        {
            fixture.LiveEvents.Fail(false);
        }

        var joined = await group.JoinAsync(Leader);
        Assert.Equal(seq, joined.Seq);
        Assert.DoesNotContain("lost?", joined.SnapshotJson);
        var retried = await group.PostMessageAsync(Leader, new CommandId("tab", 1), "lost?");
        Assert.Equal(seq + 1, (await group.JoinAsync(Leader)).Seq);
        Assert.Equal("m1", retried.MessageId);
    }

    [Fact]
    public async Task A_failed_write_of_the_group_is_not_acknowledged_and_leaves_no_trace()
    {
        var group = await NewGroupAsync();
        fixture.Storage.FailWrites = true;
        try
        {
            var error = await Assert.ThrowsAsync<CollabException>(() => group.RequestJoinAsync(Colleague));
            Assert.Equal(ErrorCodes.Unavailable, error.Code);
        }
        finally
        {
            fixture.Storage.FailWrites = false;
        }

        Assert.Empty((await group.GetAsync(Leader)).JoinRequests);
        await group.RequestJoinAsync(Colleague);
        Assert.Equal(Colleague.UserId, Assert.Single((await group.GetAsync(Leader)).JoinRequests).UserId);
    }

    [Fact]
    public async Task A_post_is_one_event_log_row_and_not_a_rewrite_of_the_group()
    {
        var group = await NewGroupAsync();
        for (var i = 1; i <= 3; i++)
        {
            await group.PostMessageAsync(Leader, new CommandId("tab", i), $"帖子 {i}");
        }

        Assert.Equal([1L, 2L, 3L], fixture.LiveEvents.Seqs(StreamOf(group)));
        var stored = StoredState(group);
        Assert.Equal(0, stored.MessageCount);
        Assert.Equal(0, stored.Log.Seq);
    }

    [Fact]
    public async Task A_refused_post_writes_no_row_and_changes_nothing()
    {
        var group = await NewGroupAsync();
        await group.PostMessageAsync(Leader, new CommandId("tab", 1), "帖子 1");
        var seq = (await group.JoinAsync(Leader)).Seq;

        var outsider = await Assert.ThrowsAsync<CollabException>(() => group.PostMessageAsync(Colleague, new CommandId("tab", 2), "不是成员"));
        Assert.Equal(ErrorCodes.NotMember, outsider.Code);
        var oversized = await Assert.ThrowsAsync<CollabException>(() => group.PostMessageAsync(Leader, new CommandId("tab", 3), new string('字', GroupLimits.MessageLength + 1)));
        Assert.Equal(ErrorCodes.TooLarge, oversized.Code);
        var blank = await Assert.ThrowsAsync<CollabException>(() => group.PostMessageAsync(Leader, new CommandId("tab", 4), "  "));
        Assert.Equal(ErrorCodes.InvalidArgument, blank.Code);

        Assert.Equal([1L], fixture.LiveEvents.Seqs(StreamOf(group)));
        Assert.Equal(seq, (await group.JoinAsync(Leader)).Seq);
        Assert.Equal("m2", (await group.PostMessageAsync(Leader, new CommandId("tab", 5), "帖子 2")).MessageId);
        await fixture.DeactivateAllAsync();
        Assert.Equal(seq + 1, (await group.JoinAsync(Leader)).Seq);
    }

    [Fact]
    public async Task Posts_after_the_last_snapshot_are_replayed_on_reactivation_with_their_command_results()
    {
        var group = await NewGroupAsync();
        var results = new List<MessagePosted>();
        for (var i = 1; i <= 7; i++)
        {
            results.Add(await group.PostMessageAsync(Leader, new CommandId("tab", i), $"帖子 {i}"));
        }
        // The snapshot every 5 posts has the first five, without their events: those are rows.
        var stored = StoredState(group);
        Assert.Equal(5, stored.Log.Seq);
        Assert.DoesNotContain(stored.Log.Events, e => e.Type == "message.posted");
        var before = await group.SyncAsync(Leader, 0);

        await fixture.DeactivateAllAsync();

        var joined = await group.JoinAsync(Leader);
        Assert.Equal(7, joined.Seq);
        var feed = System.Text.Json.JsonDocument.Parse(joined.SnapshotJson).RootElement.GetProperty("feed");
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"帖子 {i}"), feed.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        var after = await group.SyncAsync(Leader, 0);
        Assert.Equal(before.Events, after.Events);
        Assert.Equal(results[2], await group.PostMessageAsync(Leader, new CommandId("tab", 3), "帖子 3"));
        Assert.Equal(results[6], await group.PostMessageAsync(Leader, new CommandId("tab", 7), "帖子 7"));
        Assert.Equal("m8", (await group.PostMessageAsync(Leader, new CommandId("tab", 8), "帖子 8")).MessageId);
    }

    [Fact]
    public async Task Rows_behind_the_event_window_are_pruned_and_the_window_comes_back_from_the_rest()
    {
        var group = await NewGroupAsync();
        for (var i = 1; i <= 25; i++)
        {
            await group.PostMessageAsync(Leader, new CommandId("tab", i), $"帖子 {i}");
        }

        // Retained events: 10 in the test cluster; the snapshot at 25 prunes through seq 15.
        Assert.Equal(Enumerable.Range(16, 10).Select(i => (long)i), fixture.LiveEvents.Seqs(StreamOf(group)));
        await fixture.DeactivateAllAsync();

        var window = await group.SyncAsync(Leader, 15);
        Assert.Equal(Enumerable.Range(16, 10).Select(i => (long)i), window.Events.Select(e => e.Seq));
        Assert.Null(window.SnapshotJson);
        var tooOld = await group.SyncAsync(Leader, 14);
        Assert.Empty(tooOld.Events);
        Assert.NotNull(tooOld.SnapshotJson);
    }

    [Fact]
    public async Task A_failed_snapshot_loses_no_acknowledged_post()
    {
        var group = await NewGroupAsync();
        for (var i = 1; i <= 4; i++)
        {
            await group.PostMessageAsync(Leader, new CommandId("tab", i), $"帖子 {i}");
        }
        fixture.Storage.FailWrites = true;
        MessagePosted fifth;
        try
        {
            // The fifth post is durable as its row before the snapshot it triggers is tried.
            fifth = await group.PostMessageAsync(Leader, new CommandId("tab", 5), "帖子 5");
        }
        finally
        {
            fixture.Storage.FailWrites = false;
        }

        await fixture.DeactivateAllAsync();

        var joined = await group.JoinAsync(Leader);
        Assert.Equal(5, joined.Seq);
        Assert.Contains("帖子 5", joined.SnapshotJson);
        Assert.Equal(fifth, await group.PostMessageAsync(Leader, new CommandId("tab", 5), "帖子 5"));
    }

    [Fact]
    public async Task Students_are_neither_members_nor_applicants()
    {
        var group = await NewGroupAsync();
        var join = await Assert.ThrowsAsync<CollabException>(() => group.JoinAsync(Student));
        Assert.Equal(ErrorCodes.NotMember, join.Code);
        var request = await Assert.ThrowsAsync<CollabException>(() => group.RequestJoinAsync(Student));
        Assert.Equal(ErrorCodes.Forbidden, request.Code);
    }

    [Fact]
    public async Task Other_areas_can_ask_for_a_members_role_and_schedule_sessions()
    {
        var group = await NewGroupAsync();
        await group.AddMemberAsync(Leader, new NewMember(Colleague.UserId, Colleague.Name, Colleague.School, Colleague.County));

        Assert.Equal(GroupRoles.Leader, await group.GetMemberRoleAsync(Leader.UserId));
        Assert.Equal(GroupRoles.Member, await group.GetMemberRoleAsync(Colleague.UserId));
        Assert.Null(await group.GetMemberRoleAsync(Student.UserId));

        var startsAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        await group.ScheduleSessionAsync(new GroupSession("observation", "o-1", "公开课：勾股定理", startsAt));
        var view = await group.GetAsync(Colleague);
        Assert.Equal("o-1", Assert.Single(view.Sessions).Id);
        var sync = await group.SyncAsync(Colleague, 0);
        Assert.Contains(sync.Events, e => e.Type == "session.scheduled");
    }

    [Fact]
    public async Task The_feed_keeps_the_latest_fifty_messages()
    {
        var group = await NewGroupAsync();
        for (var i = 1; i <= 55; i++)
        {
            await group.PostMessageAsync(Leader, new CommandId("tab", i), $"msg {i}");
        }
        var snapshot = System.Text.Json.JsonDocument.Parse((await group.JoinAsync(Leader)).SnapshotJson).RootElement;
        var feed = snapshot.GetProperty("feed");
        Assert.Equal(50, feed.GetArrayLength());
        Assert.Equal("msg 6", feed[0].GetProperty("text").GetString());
        Assert.Equal("msg 55", feed[49].GetProperty("text").GetString());
    }

    private static string StreamOf(IGroupGrain group) => $"groups/{group.GetPrimaryKeyString()}";

    private GroupState StoredState(IGroupGrain group)
    {
        GroupState? stored = null;
        fixture.Storage.Edit<GroupState>("group", group.GetGrainId(), state => stored = state);
        return stored!;
    }
}
