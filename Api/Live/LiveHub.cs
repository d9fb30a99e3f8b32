using Collab.Api.Auth;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Live;

/// <summary>
/// Join, Leave and Sync (PROTOCOL §0), the same for every area's hub: the grain authorizes and answers, the bridge
/// starts or stops the event flow of this connection.
/// </summary>
[Authorize]
public abstract class LiveHub<THub, TGrain>(IGrainFactory grains, LiveStreamBridge<THub, TGrain> bridge) : Hub
    where THub : Hub
    where TGrain : ILiveStreamGrain
{
    public const int MaxIdLength = 64;

    /// <summary>The connection's user, read from its claims once: a connection keeps the principal it was opened with.</summary>
    protected Caller Caller
    {
        get
        {
            if (Context.Items.TryGetValue(typeof(Caller), out var known) && known is Caller caller)
            {
                return caller;
            }
            caller = Context.User!.ToCaller();
            Context.Items[typeof(Caller)] = caller;
            return caller;
        }
    }

    protected IGrainFactory Grains => grains;

    protected LiveStreamBridge<THub, TGrain> Bridge => bridge;

    public async Task<JoinResponse> Join(string id)
    {
        var caller = Caller;
        var result = await Grain(id).JoinAsync(caller);
        await bridge.JoinAsync(id, Context.ConnectionId, caller.UserId, result.AudienceGroups);
        try
        {
            // Asked again now that this node delivers the stream to the connection: a removal after the first answer
            // is either refused here, or revokes the connection with an event this node now hands on to it.
            await Grain(id).AuthorizeAsync(caller);
        }
        catch
        {
            await bridge.LeaveAsync(id, Context.ConnectionId);
            throw;
        }
        return JoinResponse.From(result);
    }

    public Task Leave(string id) => bridge.LeaveAsync(ValidId(id), Context.ConnectionId);

    public async Task<SyncResponse> Sync(string id, long sinceSeq) =>
        SyncResponse.From(await Grain(id).SyncAsync(Caller, sinceSeq));

    public override Task OnDisconnectedAsync(Exception? exception) => bridge.DropConnectionAsync(Context.ConnectionId);

    protected TGrain Grain(string id) => bridge.GrainOf(ValidId(id));

    protected static CommandId Command(string? clientId, long clientSeq) => new(clientId ?? "", clientSeq);

    private static string ValidId(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength
            ? throw CollabException.Invalid($"an id is a non-empty string of at most {MaxIdLength} characters")
            : id;
}
