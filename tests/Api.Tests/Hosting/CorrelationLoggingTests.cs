using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Collab.Api.Tests.Hosting;

/// <summary>Every log written during a hub call names the call, its connection and user, and the trace it belongs to.</summary>
public sealed class CorrelationLoggingTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly ApiHost _host;

    public CorrelationLoggingTests()
    {
        _host = ApiHost.OnFreshFolder(configure: builder =>
        {
            builder.Logging.AddProvider(_logs);
            builder.Logging.AddFilter("Collab.Api.Live.HubCallFilter", LogLevel.Debug);
        });
    }

    public Task InitializeAsync() => _host.StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    private CapturedLogs.Entry HubEntry(string method, string userId) =>
        _logs.Entries.Single(e => e.Category == "Collab.Api.Live.HubCallFilter"
            && Equals(e.Scope.GetValueOrDefault("HubMethod"), method)
            && Equals(e.Scope.GetValueOrDefault("UserId"), userId));

    [Fact]
    public async Task Hub_calls_and_refusals_are_logged_with_their_method_user_connection_and_trace()
    {
        var scenario = new GroupScenario(_host);
        var leader = scenario.Teacher();
        var outsider = scenario.Teacher();
        var groupId = await scenario.CreateGroupAsync(leader);
        await using var member = await leader.ConnectAsync("/hubs/groups");
        await using var stranger = await outsider.ConnectAsync("/hubs/groups");

        await member.InvokeAsync("Join", groupId);
        await HubErrors.AssertRefusedAsync("not_member", () => stranger.InvokeAsync("Join", groupId));

        var answered = HubEntry("Join", leader.UserId);
        Assert.Contains("answered", answered.Message);
        Assert.Matches("^[0-9a-f]{32}$", answered.Scope["TraceId"]?.ToString());
        Assert.False(string.IsNullOrEmpty(answered.Scope["ConnectionId"]?.ToString()));
        var refused = HubEntry("Join", outsider.UserId);
        Assert.Contains("not_member", refused.Message);
        Assert.NotEqual(answered.Scope["TraceId"], refused.Scope["TraceId"]);
    }
}
