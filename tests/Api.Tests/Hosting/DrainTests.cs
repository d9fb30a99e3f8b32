using System.Net;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Hosting;

/// <summary>A stopping Api node turns unready and tells its clients to reconnect elsewhere before it stops serving.</summary>
public sealed class DrainTests
{
    [Fact]
    public async Task A_stopping_node_tells_its_clients_to_move_and_turns_unready_while_it_still_serves()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Drain:Delay"] = "00:00:05" });
        await host.StartAsync();
        var scenario = new GroupScenario(host);
        var leader = scenario.Teacher();
        var groupId = await scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync("/hubs/groups");
        await client.InvokeAsync("Join", groupId);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        var stopping = host.StopAsync();
        var draining = await client.WaitForTypeAsync("server.draining");

        Assert.Equal("server", draining.GetProperty("stream").GetString());
        Assert.Equal(0, draining.GetProperty("seq").GetInt64());
        Assert.Equal(5000, draining.GetProperty("data").GetProperty("serverStopsInMs").GetInt64());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        await stopping;
    }
}
