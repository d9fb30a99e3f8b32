using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Draining;

/// <summary>Every connection of one hub on this node.</summary>
public sealed class HubDrainTarget<THub>(IHubContext<THub> hub) : IDrainTarget where THub : Hub
{
    public Task AnnounceAsync(object message, CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync("Event", message, cancellationToken);
}
