using Collab.Grains.Interfaces.Live;
using Microsoft.Extensions.Logging;

namespace Collab.Grains.Live;

/// <summary>
/// The fan-out of one stream: the API nodes that follow it (<see cref="NodeRegistry"/>), the pushing of each event to
/// them, and the presence that follows from their connections. A user's first connection opening or last one closing
/// is handed to <paramref name="onFlip"/>, which tells the stream.
/// </summary>
internal sealed class StreamFanOut(InProcessObservers? inProcess, ILogger logger, Action<string, bool> onFlip)
{
    private readonly NodeRegistry _nodes = new();

    public IReadOnlyCollection<string> OnlineUsers => _nodes.OnlineUsers;

    public bool IsOnline(string userId) => _nodes.IsOnline(userId);

    /// <summary>Registers or refreshes a node; an observer of this very process is called directly rather than through a reference.</summary>
    public void Subscribe(string nodeId, ILiveStreamObserver observer, IReadOnlyList<NodeConnection> connections, DateTimeOffset expiresAt) =>
        Flip(_nodes.Subscribe(nodeId, inProcess?.Resolve(observer) ?? observer, connections, expiresAt));

    public void Unsubscribe(string nodeId) => Flip(_nodes.Remove(nodeId));

    /// <summary>False when the node is unknown and must subscribe again.</summary>
    public bool Open(string nodeId, NodeConnection connection)
    {
        var changes = _nodes.Open(nodeId, connection);
        if (changes is null)
        {
            return false;
        }
        Flip(changes);
        return true;
    }

    public void Close(string nodeId, string connectionId) => Flip(_nodes.Close(nodeId, connectionId));

    /// <summary>Drops the nodes that stopped refreshing (they died), and their users' presence with them.</summary>
    public void RemoveExpired(DateTimeOffset now) => Flip(_nodes.RemoveExpired(now));

    /// <summary>Pushes an event to every node without waiting; then the users it revokes leave the stream.</summary>
    public void Publish(EventEnvelope envelope)
    {
        foreach (var observer in _nodes.Observers)
        {
            try
            {
                observer.OnEventAsync(envelope).Ignore();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not push {Stream} seq {Seq} to a node", envelope.Stream, envelope.Seq);
            }
        }
        foreach (var userId in envelope.Revokes ?? [])
        {
            Flip(_nodes.RemoveUser(userId));
        }
    }

    private void Flip(PresenceChanges changes)
    {
        foreach (var (userId, online) in changes.Flips)
        {
            onFlip(userId, online);
        }
    }
}
