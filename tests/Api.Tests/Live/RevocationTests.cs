using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Api.Tests.Observations;

namespace Collab.Api.Tests.Live;

/// <summary>
/// A member removed from a group stops receiving its live events on the connections they still have open, and on the
/// group's lesson plans and observed lessons, at once: the revoking event is the last one they get, and their next call is refused.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RevocationTests(SharedApiHost shared)
{
    private readonly GroupScenario _scenario = new(shared.Host);

    private static async Task RemoveAsync(TestUser leader, string groupId, TestUser member)
    {
        using var http = await leader.HttpAsync();
        var response = await http.DeleteAsync($"/api/groups/{groupId}/members/{member.UserId}");
        Assert.True(response.IsSuccessStatusCode, $"removal answered {response.StatusCode}");
    }

    /// <summary>
    /// A round trip on the connection: SignalR writes a connection's messages in order, so any event sent to it before
    /// this answer has arrived once it returns.
    /// </summary>
    private static Task RoundTripAsync(LiveClient client, string groupId) =>
        HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Sync", groupId, 0L));

    [Fact]
    public async Task A_removed_member_gets_the_removal_then_nothing_more_and_their_next_call_is_refused()
    {
        var leader = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var removed = _scenario.Teacher("county-c");
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, colleague);
        await _scenario.AddMemberAsync(leader, id, removed);
        await using var stays = await colleague.ConnectAsync("/hubs/groups");
        await using var leaves = await removed.ConnectAsync("/hubs/groups");
        await using var secondTab = await removed.ConnectAsync("/hubs/groups");
        await stays.InvokeAsync("Join", id);
        await leaves.InvokeAsync("Join", id);
        await secondTab.InvokeAsync("Join", id);

        await RemoveAsync(leader, id, removed);
        var removal = await leaves.WaitForTypeAsync("member.removed");
        Assert.Equal(removed.UserId, removal.GetProperty("data").GetProperty("userId").GetString());
        await secondTab.WaitForTypeAsync("member.removed");
        await using var author = await leader.ConnectAsync("/hubs/groups");
        await author.InvokeAsync("Join", id);
        await author.InvokeAsync("PostMessage", id, GroupScenario.Message("leader-tab", 1, "只给留下的人"));
        await stays.WaitForTypeAsync("message.posted");

        await RoundTripAsync(leaves, id);
        await RoundTripAsync(secondTab, id);
        Assert.Empty(leaves.EventsOfType("message.posted"));
        Assert.Empty(secondTab.EventsOfType("message.posted"));
        Assert.DoesNotContain(leaves.Events, e => e.GetProperty("type").GetString() == "presence.changed"
            && e.GetProperty("data").GetProperty("userId").GetString() == leader.UserId);
        await HubErrors.AssertRefusedAsync("not_member", () => leaves.InvokeAsync("PostMessage", id, GroupScenario.Message("x", 1, "还在吗")));
        await HubErrors.AssertRefusedAsync("not_member", () => leaves.InvokeAsync("Join", id));
    }

    [Fact]
    public async Task A_member_removed_from_the_group_is_cut_off_the_groups_lesson_plan_at_once()
    {
        var leader = _scenario.Teacher("county-a");
        var removed = _scenario.Teacher("county-c");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, removed);
        string planId;
        using (var http = await leader.HttpAsync())
        {
            var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "《背影》", subject = "chinese", grade = "8", format = "text" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            planId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        await using var editor = await leader.ConnectAsync("/hubs/lessonprep");
        await using var cutOff = await removed.ConnectAsync("/hubs/lessonprep");
        await editor.InvokeAsync("Join", planId);
        await cutOff.InvokeAsync("Join", planId);

        await RemoveAsync(leader, groupId, removed);
        var revoked = await cutOff.WaitForTypeAsync("access.revoked");
        Assert.Equal(removed.UserId, revoked.GetProperty("data").GetProperty("userId").GetString());
        Assert.Equal(0, revoked.GetProperty("seq").GetInt64());
        await editor.InvokeAsync("SubmitOp", planId, new { clientId = "leader-tab", clientSeq = 1, section = "objectives", baseRevision = 0, ops = new object[] { "之后的修改" } });
        await editor.WaitForTypeAsync("op.applied");

        await HubErrors.AssertRefusedAsync("not_member", () => cutOff.InvokeAsync("Sync", planId, 0L));
        Assert.Empty(cutOff.EventsOfType("op.applied"));
        Assert.Empty(editor.EventsOfType("access.revoked"));
        await HubErrors.AssertRefusedAsync("not_member", () => cutOff.InvokeAsync("SubmitOp", planId,
            new { clientId = "x", clientSeq = 1, section = "objectives", baseRevision = 1, ops = new object[] { "偷偷改" } }));
    }

    [Fact]
    public async Task A_member_removed_from_the_group_stops_receiving_its_observed_lessons_notes()
    {
        var setup = await ObservationSetup.NewAsync(shared.Host, "西城区", "朝阳区");
        var id = await setup.ScheduleAsync();
        var removed = setup.Observers[1];
        await using var teacher = await setup.Teacher.ConnectAsync(ObservationSetup.Hub);
        await using var stays = await setup.Observers[0].ConnectAsync(ObservationSetup.Hub);
        await using var cutOff = await removed.ConnectAsync(ObservationSetup.Hub);
        await teacher.InvokeAsync("Join", id);
        await stays.InvokeAsync("Join", id);
        await cutOff.InvokeAsync("Join", id);
        await teacher.InvokeAsync("Start", id);
        await cutOff.WaitForTypeAsync("lesson.started");

        await RemoveAsync(setup.Leader, setup.GroupId, removed);
        var revoked = await cutOff.WaitForTypeAsync("access.revoked");
        Assert.Equal(removed.UserId, revoked.GetProperty("data").GetProperty("userId").GetString());
        await stays.InvokeAsync("AddNote", id, ObservationSetup.Note("tab", 1, "板书清楚"));
        await teacher.WaitForTypeAsync("note.added");

        await HubErrors.AssertRefusedAsync("not_member", () => cutOff.InvokeAsync("Sync", id, 0L));
        Assert.Empty(cutOff.EventsOfType("note.added"));
        Assert.Empty(stays.EventsOfType("access.revoked"));
        await HubErrors.AssertRefusedAsync("not_member", () => cutOff.InvokeAsync("AddNote", id, ObservationSetup.Note("tab", 1, "还能记吗")));
    }
}
