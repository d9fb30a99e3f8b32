using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Tests.Hosting;

/// <summary>
/// DESIGN §7: while the database is down, commands fail with <c>unavailable</c> and nothing is acknowledged that was
/// not written; when it returns, the service recovers by itself and a resend of the refused command is applied once.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public Task DisposeAsync() => _postgres.DisposeAsync();

    [Fact]
    public async Task Commands_fail_as_unavailable_during_an_outage_and_succeed_once_after_it()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = await _postgres.CreateDatabaseAsync(),
        });
        await host.StartAsync();
        var scenario = new GroupScenario(host);
        var leader = host.User("leader-outage");
        var id = await scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync("/hubs/groups");
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();
        await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 1, "before"));

        await _postgres.StopAsync();
        await HubErrors.AssertRefusedAsync("unavailable", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 2, "during")));
        await _postgres.StartAgainAsync();

        // A client retries a refused command with the same id until the service answers.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 2, "during"));
                break;
            }
            catch (HubException error) when (error.Message.StartsWith("unavailable: ", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
        await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 2, "during"));

        var texts = (await client.InvokeAsync("Sync", id, seq)).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "message.posted")
            .Select(e => e.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(["before", "during"], texts);
        var joined = await client.InvokeAsync("Join", id);
        Assert.Equal(seq + 2, joined.GetProperty("seq").GetInt64());
    }
}
