using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Live;

/// <summary>
/// The API nodes following one grain, each with its observer, its expiry and the client connections it holds.
/// Presence is derived from it, so a node that stops refreshing (it died) takes its users' presence with it.
/// Not persisted: after a reactivation the nodes' next refresh rebuilds it.
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, Node> _nodes = [];
    private readonly Dictionary<string, int> _connectionsPerUser = [];

    public IEnumerable<ILiveStreamObserver> Observers => _nodes.Values.Select(n => n.Observer);

    public IReadOnlyCollection<string> OnlineUsers => _connectionsPerUser.Keys;

    public bool IsOnline(string userId) => _connectionsPerUser.ContainsKey(userId);

    public bool Knows(string nodeId) => _nodes.ContainsKey(nodeId);

    /// <summary>Registers or refreshes a node; its connection list replaces what the registry held for it.</summary>
    public PresenceChanges Subscribe(string nodeId, ILiveStreamObserver observer, IEnumerable<NodeConnection> connections, DateTimeOffset expiresAt)
    {
        var changes = new PresenceChanges();
        if (!_nodes.TryGetValue(nodeId, out var node))
        {
            node = new Node(observer);
            _nodes[nodeId] = node;
        }
        node.Observer = observer;
        node.ExpiresAt = expiresAt;
        var reported = connections.ToDictionary(c => c.ConnectionId, c => c.UserId);
        foreach (var (connectionId, userId) in node.Connections.ToList())
        {
            if (!reported.TryGetValue(connectionId, out var same) || same != userId)
            {
                node.Connections.Remove(connectionId);
                Release(userId, changes);
            }
        }
        foreach (var (connectionId, userId) in reported)
        {
            if (node.Connections.TryAdd(connectionId, userId))
            {
                Acquire(userId, changes);
            }
        }
        return changes;
    }

    /// <summary>Adds a connection of a known node; null when the node is unknown and must subscribe again.</summary>
    public PresenceChanges? Open(string nodeId, NodeConnection connection)
    {
        if (!_nodes.TryGetValue(nodeId, out var node))
        {
            return null;
        }
        var changes = new PresenceChanges();
        if (node.Connections.TryAdd(connection.ConnectionId, connection.UserId))
        {
            Acquire(connection.UserId, changes);
        }
        return changes;
    }

    public PresenceChanges Close(string nodeId, string connectionId)
    {
        var changes = new PresenceChanges();
        if (_nodes.TryGetValue(nodeId, out var node) && node.Connections.Remove(connectionId, out var userId))
        {
            Release(userId, changes);
        }
        return changes;
    }

    public PresenceChanges Remove(string nodeId)
    {
        var changes = new PresenceChanges();
        if (_nodes.Remove(nodeId, out var node))
        {
            foreach (var userId in node.Connections.Values)
            {
                Release(userId, changes);
            }
        }
        return changes;
    }

    /// <summary>Forgets every connection of a user who may no longer follow the stream, on every node.</summary>
    public PresenceChanges RemoveUser(string userId)
    {
        var changes = new PresenceChanges();
        foreach (var node in _nodes.Values)
        {
            foreach (var connectionId in node.Connections.Where(c => c.Value == userId).Select(c => c.Key).ToList())
            {
                node.Connections.Remove(connectionId);
                Release(userId, changes);
            }
        }
        return changes;
    }

    public PresenceChanges RemoveExpired(DateTimeOffset now)
    {
        var changes = new PresenceChanges();
        foreach (var nodeId in _nodes.Where(n => n.Value.ExpiresAt <= now).Select(n => n.Key).ToList())
        {
            changes.Merge(Remove(nodeId));
        }
        return changes;
    }

    private void Acquire(string userId, PresenceChanges changes)
    {
        var count = _connectionsPerUser.GetValueOrDefault(userId);
        _connectionsPerUser[userId] = count + 1;
        if (count == 0)
        {
            changes.Set(userId, online: true);
        }
    }

    private void Release(string userId, PresenceChanges changes)
    {
        var count = _connectionsPerUser.GetValueOrDefault(userId);
        if (count <= 1)
        {
            _connectionsPerUser.Remove(userId);
            changes.Set(userId, online: false);
        }
        else
        {
            _connectionsPerUser[userId] = count - 1;
        }
    }

    private sealed class Node(ILiveStreamObserver observer)
    {
        public ILiveStreamObserver Observer { get; set; } = observer;
        public DateTimeOffset ExpiresAt { get; set; }
        public Dictionary<string, string> Connections { get; } = [];
    }
}
