using Microsoft.AspNetCore.SignalR;

namespace Collab.Bench.Baseline;

/// <summary>
/// <c>/hubs/groups</c> of B0: Join adds the connection to a SignalR group, PostMessage numbers the event and sends it
/// to the group (the poster included, as Collab does). Nothing is checked or stored.
/// </summary>
public sealed class GroupsHub(GroupCounters groups) : Hub
{
    public override Task OnConnectedAsync()
    {
        // Read once per connection, not per call: the caller's id, taken from the token as sent (no verification).
        HubCaller.Remember(Context);
        return Task.CompletedTask;
    }

    public async Task<JoinReply> Join(string id)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, id);
        return new JoinReply(groups.Current(id), WireTime.Now(), EmptySnapshot.Instance);
    }

    public Task Leave(string id) => Groups.RemoveFromGroupAsync(Context.ConnectionId, id);

    public async Task<PostReply> PostMessage(string id, PostMessageRequest request)
    {
        // One poster per group in the scenario, and SignalR runs one call per connection at a time, so events
        // leave in seq order without holding the lock across the send.
        var seq = groups.Next(id);
        var at = WireTime.Now();
        var user = HubCaller.Of(Context);
        var messageId = $"m{seq}";
        var message = new PostedMessage(messageId, user, user, request.Text ?? "", at, request.ClientId ?? "", request.ClientSeq);
        await Clients.Group(id).SendAsync("Event", new EventEnvelope($"groups/{id}", seq, "message.posted", at, message));
        return new PostReply(messageId, at);
    }
}
