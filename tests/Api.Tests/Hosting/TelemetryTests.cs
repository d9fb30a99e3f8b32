using System.Text.RegularExpressions;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed partial class TelemetryTests(SharedApiHost shared)
{
    [GeneratedRegex("""collab_commands_total\{[^}]*area="groups"[^}]*\} [1-9]""")]
    private static partial Regex GroupCommandsPattern();

    private static readonly Regex GroupCommands = GroupCommandsPattern();

    [Fact]
    public async Task The_prometheus_endpoint_exports_the_projects_command_metrics()
    {
        var scenario = new GroupScenario(shared.Host);
        var leader = scenario.Teacher();
        var id = await scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync("/hubs/groups");
        await client.InvokeAsync("Join", id);
        await client.InvokeAsync("PostMessage", id, GroupScenario.Message("metrics", 1, "counted"));

        using var http = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        // The exporter caches its scrape briefly; poll until the command shows up.
        while (!GroupCommands.IsMatch(body = await http.GetStringAsync("/metrics")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Matches(GroupCommands, body);
        Assert.Contains("collab_command_duration_milliseconds_bucket", body);
        Assert.Contains("http_server_request_duration_seconds", body);
    }
}
