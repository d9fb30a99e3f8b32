using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Interfaces.Live;

/// <summary>What every grain behind a hub offers: join, catch-up, and the per-node subscription of DESIGN §5.</summary>
[Alias("collab.ILiveStreamGrain")]
public interface ILiveStreamGrain : IGrainWithStringKey
{
    [Alias("Join")]
    Task<JoinResult> JoinAsync(Caller caller);

    /// <summary>
    /// Throws the refusal when this caller may no longer follow the stream. A node asks once more after it has
    /// registered a joining connection, so that a loss of access between the Join and the registration is not missed.
    /// </summary>
    [Alias("Authorize")]
    Task AuthorizeAsync(Caller caller);

    [Alias("Sync")]
    Task<SyncResult> SyncAsync(Caller caller, long sinceSeq);

    /// <summary>Registers or refreshes a node's observer with the node's connections; returns the stream's current seq.</summary>
    [Alias("SubscribeNode")]
    Task<long> SubscribeNodeAsync(string nodeId, ILiveStreamObserver observer, IReadOnlyList<NodeConnection> connections, TimeSpan timeToLive);

    [Alias("UnsubscribeNode")]
    Task UnsubscribeNodeAsync(string nodeId);

    /// <summary>False when the grain does not know the node (it reactivated): the node must subscribe again.</summary>
    [Alias("ConnectionOpened")]
    Task<bool> ConnectionOpenedAsync(string nodeId, NodeConnection connection);

    [Alias("ConnectionClosed")]
    Task ConnectionClosedAsync(string nodeId, string connectionId);

    /// <summary>Retained events after <paramref name="afterSeq"/>, for a node closing a gap it saw; unfiltered, nodes filter by audience.</summary>
    [Alias("ReadEvents")]
    Task<IReadOnlyList<EventEnvelope>> ReadEventsAsync(long afterSeq);
}
