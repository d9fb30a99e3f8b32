using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Api.Tests.Groups;

[Collection(ApiCollection.Name)]
public sealed class GroupHubTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/groups";
    private readonly GroupScenario _scenario = new(shared.Host);

    [Fact]
    public async Task Join_returns_the_snapshot_with_members_online_and_feed()
    {
        var leader = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, colleague);
        await using var client = await leader.ConnectAsync(Hub);

        var joined = await client.InvokeAsync("Join", id);

        Assert.True(joined.GetProperty("seq").GetInt64() >= 1);
        var serverNow = joined.GetProperty("serverNow").GetString()!;
        Assert.EndsWith("Z", serverNow);
        var snapshot = joined.GetProperty("snapshot");
        Assert.Equal(id, snapshot.GetProperty("group").GetProperty("id").GetString());
        Assert.Equal(2, snapshot.GetProperty("members").GetArrayLength());
        Assert.Contains(leader.UserId, snapshot.GetProperty("online").EnumerateArray().Select(u => u.GetString()));
        Assert.Empty(snapshot.GetProperty("feed").EnumerateArray());
        Assert.Empty(snapshot.GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public async Task Outsiders_and_unknown_groups_are_refused()
    {
        var id = await _scenario.CreateGroupAsync(_scenario.Teacher());
        await using var outsider = await _scenario.Teacher().ConnectAsync(Hub);

        await HubErrors.AssertRefusedAsync("not_member", () => outsider.InvokeAsync("Join", id));
        await HubErrors.AssertRefusedAsync("not_member", () => outsider.InvokeAsync("PostMessage", id, GroupScenario.Message("c", 1, "hi")));
        await HubErrors.AssertRefusedAsync("not_member", () => outsider.InvokeAsync("Sync", id, 0L));
        await HubErrors.AssertRefusedAsync("not_found", () => outsider.InvokeAsync("Join", "g-nothere"));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => outsider.InvokeAsync("Join", new string('x', 65)));
        Assert.Empty(outsider.Events);
    }

    [Fact]
    public async Task A_connection_with_a_bad_token_is_refused()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(shared.Host.BaseAddress, Hub), o => o.AccessTokenProvider = () => Task.FromResult<string?>("bad"))
            .Build();
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_posted_message_reaches_every_joined_member_with_the_next_seq()
    {
        var leader = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, colleague);
        await using var author = await leader.ConnectAsync(Hub);
        await using var reader = await colleague.ConnectAsync(Hub);
        await author.InvokeAsync("Join", id);
        var seq = (await reader.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        var result = await author.InvokeAsync("PostMessage", id, GroupScenario.Message("tab-1", 1, "明天的集体备课改到下午三点 👍"));

        var posted = await reader.WaitForTypeAsync("message.posted");
        Assert.Equal($"groups/{id}", posted.GetProperty("stream").GetString());
        Assert.Equal(seq + 1, posted.GetProperty("seq").GetInt64());
        var data = posted.GetProperty("data");
        Assert.Equal("明天的集体备课改到下午三点 👍", data.GetProperty("text").GetString());
        Assert.Equal(leader.UserId, data.GetProperty("userId").GetString());
        Assert.Equal(result.GetProperty("messageId").GetString(), data.GetProperty("id").GetString());
        Assert.EndsWith("Z", posted.GetProperty("at").GetString());
    }

    [Fact]
    public async Task A_resent_command_returns_the_first_result_and_posts_nothing_twice()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync(Hub);
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        var first = await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab-1", 7, "once"));
        var again = await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab-1", 7, "once"));
        var other = await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab-2", 7, "other tab"));

        Assert.Equal(first.GetProperty("messageId").GetString(), again.GetProperty("messageId").GetString());
        Assert.Equal(first.GetProperty("at").GetString(), again.GetProperty("at").GetString());
        Assert.NotEqual(first.GetProperty("messageId").GetString(), other.GetProperty("messageId").GetString());
        var sync = await client.InvokeAsync("Sync", id, seq);
        var texts = sync.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("text").GetString()).ToList();
        Assert.Equal(["once", "other tab"], texts);
    }

    [Fact]
    public async Task Empty_oversized_and_malformed_messages_are_refused_and_change_nothing()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync(Hub);
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("c", 1, "   ")));
        await HubErrors.AssertRefusedAsync("too_large", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("c", 2, new string('字', 2001))));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("", 3, "no client id")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, new { clientId = "c", clientSeq = "three", text = "x" }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id));

        var sync = await client.InvokeAsync("Sync", id, seq);
        Assert.Empty(sync.GetProperty("events").EnumerateArray());
        Assert.Empty(client.EventsOfType("message.posted"));
    }

    [Fact]
    public async Task Sync_returns_missed_events_or_a_snapshot_when_they_are_no_longer_retained()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync(Hub);
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();
        for (var i = 1; i <= 35; i++)
        {
            await client.InvokeAsync("PostMessage", id, GroupScenario.Message("sync", i, $"m{i}"));
        }

        var recent = await client.InvokeAsync("Sync", id, seq + 30);
        Assert.Equal([seq + 31, seq + 32, seq + 33, seq + 34, seq + 35],
            recent.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));

        var old = await client.InvokeAsync("Sync", id, seq);
        Assert.Empty(old.GetProperty("events").EnumerateArray());
        Assert.Equal(seq + 35, old.GetProperty("seq").GetInt64());
        var feed = old.GetProperty("snapshot").GetProperty("feed");
        Assert.Equal("m35", feed[feed.GetArrayLength() - 1].GetProperty("text").GetString());

        var current = await client.InvokeAsync("Sync", id, seq + 35);
        Assert.Empty(current.GetProperty("events").EnumerateArray());
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("Sync", id, -1L));
    }

    [Fact]
    public async Task Membership_changes_are_broadcast_and_a_removed_member_can_no_longer_post()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await using var watcher = await leader.ConnectAsync(Hub);
        await watcher.InvokeAsync("Join", id);

        await _scenario.AddMemberAsync(leader, id, colleague);
        var added = await watcher.WaitForTypeAsync("member.added");
        Assert.Equal(colleague.UserId, added.GetProperty("data").GetProperty("userId").GetString());

        await using var colleagueClient = await colleague.ConnectAsync(Hub);
        await colleagueClient.InvokeAsync("Join", id);
        using var http = await leader.HttpAsync();
        (await http.DeleteAsync($"/api/groups/{id}/members/{colleague.UserId}")).EnsureSuccessStatusCode();

        await watcher.WaitForTypeAsync("member.removed", d => d.GetProperty("userId").GetString() == colleague.UserId);
        await HubErrors.AssertRefusedAsync("not_member", () => colleagueClient.InvokeAsync("PostMessage", id, GroupScenario.Message("c", 1, "still here?")));
    }

    [Fact]
    public async Task Presence_follows_connections_and_a_dropped_connection_goes_offline()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, colleague);
        await using var watcher = await leader.ConnectAsync(Hub);
        await watcher.InvokeAsync("Join", id);

        var colleagueClient = await colleague.ConnectAsync(Hub);
        var snapshot = (await colleagueClient.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.Contains(colleague.UserId, snapshot.GetProperty("online").EnumerateArray().Select(u => u.GetString()));
        var online = await watcher.WaitForTypeAsync("presence.changed",
            d => d.GetProperty("userId").GetString() == colleague.UserId && d.GetProperty("online").GetBoolean());
        Assert.Equal(0, online.GetProperty("seq").GetInt64());

        await colleagueClient.DisposeAsync();
        await watcher.WaitForTypeAsync("presence.changed",
            d => d.GetProperty("userId").GetString() == colleague.UserId && !d.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Leave_stops_the_event_flow_for_that_connection()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, colleague);
        await using var leaver = await colleague.ConnectAsync(Hub);
        await using var author = await leader.ConnectAsync(Hub);
        await leaver.InvokeAsync("Join", id);
        await author.InvokeAsync("Join", id);

        await author.InvokeAsync("PostMessage", id, GroupScenario.Message("a", 1, "before"));
        await leaver.WaitForTypeAsync("message.posted");
        await leaver.InvokeAsync("Leave", id);
        await author.InvokeAsync("PostMessage", id, GroupScenario.Message("a", 2, "after"));
        await author.WaitForCountAsync("message.posted", 2);
        await author.InvokeAsync("PostMessage", id, GroupScenario.Message("a", 3, "marker"));
        await author.WaitForCountAsync("message.posted", 3);

        Assert.Single(leaver.EventsOfType("message.posted"));
    }

    [Fact]
    public async Task A_flood_of_hub_calls_is_rate_limited_without_affecting_other_users()
    {
        var flooder = _scenario.Teacher();
        var calm = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(flooder);
        await _scenario.AddMemberAsync(flooder, id, calm);
        await using var flood = await flooder.ConnectAsync(Hub);
        await using var other = await calm.ConnectAsync(Hub);
        await flood.InvokeAsync("Join", id);

        string? refusal = null;
        for (var i = 1; i <= 200 && refusal is null; i++)
        {
            try
            {
                await flood.InvokeAsync("Sync", id, 0L);
            }
            catch (HubException error)
            {
                refusal = error.Message;
            }
        }

        Assert.NotNull(refusal);
        Assert.StartsWith("rate_limited: ", refusal);
        var joined = await other.InvokeAsync("Join", id);
        Assert.Equal(JsonValueKind.Object, joined.GetProperty("snapshot").ValueKind);
    }
}
