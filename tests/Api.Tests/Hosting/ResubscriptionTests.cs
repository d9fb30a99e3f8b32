using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.Hosting;

/// <summary>
/// A grain that lost its observers (it was deactivated, as when its silo dies) gets the node's subscription back on
/// the next refresh, and the node fetches what was published meanwhile: a joined client misses nothing.
/// </summary>
public sealed class ResubscriptionTests
{
    [Fact]
    public async Task Events_published_after_a_grain_reactivated_still_reach_joined_clients_in_order()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Live:RefreshInterval"] = "00:00:01" });
        await host.StartAsync();
        var scenario = new GroupScenario(host);
        var leader = host.User("leader-resub");
        var reader = host.User("reader-resub");
        var id = await scenario.CreateGroupAsync(leader);
        await scenario.AddMemberAsync(leader, id, reader);
        await using var readerClient = await reader.ConnectAsync("/hubs/groups");
        var seq = (await readerClient.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        await using var author = await leader.ConnectAsync("/hubs/groups");
        for (var i = 1; i <= 3; i++)
        {
            await author.InvokeAsync("PostMessage", id, GroupScenario.Message("a", i, $"after {i}"));
        }

        var received = await readerClient.WaitForCountAsync("message.posted", 3);
        Assert.Equal([seq + 1, seq + 2, seq + 3], received.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.Equal(["after 1", "after 2", "after 3"], received.Select(e => e.GetProperty("data").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_hub_message_over_the_size_limit_closes_the_connection_and_changes_nothing()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:RateLimit:MaxHubMessageBytes"] = "4096" });
        await host.StartAsync();
        var leader = host.User("leader-size");
        var id = await new GroupScenario(host).CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync("/hubs/groups");
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();
        var closed = new TaskCompletionSource();
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => client.InvokeAsync("PostMessage", id, GroupScenario.Message("a", 1, new string('x', 8000))));
        await closed.Task.WaitAsync(LiveClient.DefaultWait);
        Assert.Equal(HubConnectionState.Disconnected, client.Connection.State);

        await using var again = await leader.ConnectAsync("/hubs/groups");
        Assert.Equal(seq, (await again.InvokeAsync("Join", id)).GetProperty("seq").GetInt64());
    }
}
