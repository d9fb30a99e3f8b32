using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Hosting;

/// <summary>The embedded default (co-hosted silo, SQLite file) keeps groups, feed, event window and seq across a restart.</summary>
public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task Groups_feed_and_seq_survive_a_restart_and_resent_commands_are_still_recognised()
    {
        using var folder = new DataFolder();
        string groupId;
        long seq;
        string firstMessageId;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        var leader = host.User("leader-restart");
        try
        {
            var scenario = new GroupScenario(host);
            groupId = await scenario.CreateGroupAsync(leader, "重启之前");
            await using var client = await leader.ConnectAsync("/hubs/groups");
            await client.InvokeAsync("Join", groupId);
            firstMessageId = (await client.InvokeAsync("PostMessage", groupId, GroupScenario.Message("tab", 1, "one"))).GetProperty("messageId").GetString()!;
            await client.InvokeAsync("PostMessage", groupId, GroupScenario.Message("tab", 2, "two"));
            seq = (await client.InvokeAsync("Sync", groupId, 0L)).GetProperty("events").EnumerateArray().Last().GetProperty("seq").GetInt64();
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            var sameLeader = restarted.User("leader-restart");
            using var http = await sameLeader.HttpAsync();
            var group = await http.GetFromJsonAsync<JsonElement>($"/api/groups/{groupId}");
            Assert.Equal("重启之前", group.GetProperty("group").GetProperty("name").GetString());

            await using var client = await sameLeader.ConnectAsync("/hubs/groups");
            var joined = await client.InvokeAsync("Join", groupId);
            Assert.Equal(seq, joined.GetProperty("seq").GetInt64());
            Assert.Equal(["one", "two"], joined.GetProperty("snapshot").GetProperty("feed").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
            // The posts came back from the event log's rows, not from a rewrite of the group: Sync still replays them.
            var replayed = (await client.InvokeAsync("Sync", groupId, 0L)).GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "message.posted").Select(e => e.GetProperty("data").GetProperty("text").GetString());
            Assert.Equal(["one", "two"], replayed);

            var resent = await client.InvokeAsync("PostMessage", groupId, GroupScenario.Message("tab", 1, "one"));
            Assert.Equal(firstMessageId, resent.GetProperty("messageId").GetString());
            await client.InvokeAsync("PostMessage", groupId, GroupScenario.Message("tab", 3, "three"));
            var next = await client.WaitForTypeAsync("message.posted");
            Assert.Equal(seq + 1, next.GetProperty("seq").GetInt64());
        }
        finally
        {
            await restarted.StopAsync();
        }
    }
}
