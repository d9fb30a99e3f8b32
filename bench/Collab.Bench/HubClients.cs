using System.Text.Json;
using Collab.Client.MessagePack;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Bench;

/// <summary>Hub connections as a real client makes them: WebSockets, the JSON (or MessagePack) hub protocol, bearer token.</summary>
public static class HubClients
{
    public static HubConnection Create(string baseUrl, string hubPath, string token, string protocol = "json")
    {
        var builder = new HubConnectionBuilder();
        if (protocol == "messagepack")
        {
            // The server's own shaping (the JSON protocol's fields), so the client library reads both protocols alike.
            builder.AddMessagePackProtocol(messagePack =>
                messagePack.SerializerOptions = JsonShapedResolver.Options(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        }
        return builder
            .WithUrl(new Uri(new Uri(baseUrl), hubPath), HttpTransportType.WebSockets, options =>
            {
                // Straight to the WebSocket: a negotiate round trip per connection adds nothing to what is measured.
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
    }

    /// <summary>
    /// Starts a connection, retrying refusals: opening hundreds at once meets the server's per-user request budget
    /// (429) and the listen backlog; a connection that never opens is an error.
    /// </summary>
    public static async Task<int> StartWithRetryAsync(HubConnection connection, CancellationToken cancellation)
    {
        const int attempts = 20;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.StartAsync(cancellation);
                return attempt - 1;
            }
            catch (Exception) when (attempt < attempts && !cancellation.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellation);
            }
        }
    }
}
