using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Api.Tests.Auth;

/// <summary>A hub connection lasts no longer than the token it was opened with.</summary>
public sealed class HubExpiryTests
{
    [Fact]
    public async Task A_connection_is_closed_when_its_token_expires()
    {
        await using var host = ApiHost.OnFreshFolder(new Dictionary<string, string?> { ["Collab:Auth:SigningKey"] = TestKeys.SigningKey });
        await host.StartAsync();
        var token = TestTokens.Sign("t-expiring", "teacher", "collab", DateTimeOffset.UtcNow.AddSeconds(3));
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/groups"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}
