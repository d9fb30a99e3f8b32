using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;

namespace Collab.Grains.Tests.Live;

public sealed class NodeRegistryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private sealed class NullObserver : ILiveStreamObserver
    {
        public Task OnEventAsync(EventEnvelope envelope) => Task.CompletedTask;
    }

    private static List<(string, bool)> Flips(PresenceChanges changes) => changes.Flips.OrderBy(f => f.UserId).ToList();

    [Fact]
    public void A_user_is_online_while_any_of_their_connections_on_any_node_is()
    {
        var registry = new NodeRegistry();
        Assert.Equal([("u1", true)], Flips(registry.Subscribe("node-a", new NullObserver(), [new("c1", "u1")], Now.AddMinutes(1))));
        Assert.Empty(Flips(registry.Subscribe("node-b", new NullObserver(), [new("c2", "u1")], Now.AddMinutes(1))));

        Assert.Empty(Flips(registry.Close("node-a", "c1")));
        Assert.True(registry.IsOnline("u1"));
        Assert.Equal([("u1", false)], Flips(registry.Close("node-b", "c2")));
        Assert.False(registry.IsOnline("u1"));
    }

    [Fact]
    public void A_refresh_replaces_the_nodes_connections()
    {
        var registry = new NodeRegistry();
        registry.Subscribe("node-a", new NullObserver(), [new("c1", "u1"), new("c2", "u2")], Now.AddMinutes(1));
        var changes = registry.Subscribe("node-a", new NullObserver(), [new("c2", "u2"), new("c3", "u3")], Now.AddMinutes(2));
        Assert.Equal([("u1", false), ("u3", true)], Flips(changes));
        Assert.Equal(["u2", "u3"], registry.OnlineUsers.Order());
    }

    [Fact]
    public void An_expired_node_takes_its_users_presence_with_it()
    {
        var registry = new NodeRegistry();
        registry.Subscribe("dead", new NullObserver(), [new("c1", "u1")], Now.AddSeconds(30));
        registry.Subscribe("alive", new NullObserver(), [new("c2", "u2")], Now.AddSeconds(90));

        Assert.Empty(Flips(registry.RemoveExpired(Now.AddSeconds(29))));
        Assert.Equal([("u1", false)], Flips(registry.RemoveExpired(Now.AddSeconds(30))));
        Assert.Single(registry.Observers);
        Assert.False(registry.Knows("dead"));
    }

    [Fact]
    public void Opening_on_an_unknown_node_asks_it_to_subscribe()
    {
        var registry = new NodeRegistry();
        Assert.Null(registry.Open("node-a", new NodeConnection("c1", "u1")));
        Assert.Empty(registry.OnlineUsers);
    }

    [Fact]
    public void Opening_the_same_connection_twice_counts_it_once()
    {
        var registry = new NodeRegistry();
        registry.Subscribe("node-a", new NullObserver(), [], Now.AddMinutes(1));
        registry.Open("node-a", new NodeConnection("c1", "u1"));
        registry.Open("node-a", new NodeConnection("c1", "u1"));
        Assert.Equal([("u1", false)], Flips(registry.Close("node-a", "c1")));
    }

    [Fact]
    public void Random_connection_churn_keeps_presence_equal_to_the_set_of_connected_users()
    {
        var random = new Random(7);
        var registry = new NodeRegistry();
        var truth = new Dictionary<(string Node, string Connection), string>();
        string[] nodes = ["n1", "n2", "n3"];
        foreach (var node in nodes)
        {
            registry.Subscribe(node, new NullObserver(), [], Now.AddYears(1));
        }
        var online = new HashSet<string>();
        for (var step = 0; step < 5000; step++)
        {
            var node = nodes[random.Next(nodes.Length)];
            var connection = $"c{random.Next(30)}";
            PresenceChanges changes;
            if (random.Next(2) == 0)
            {
                var user = $"u{random.Next(8)}";
                if (truth.ContainsKey((node, connection)))
                {
                    continue;
                }
                truth[(node, connection)] = user;
                changes = registry.Open(node, new NodeConnection(connection, user))!;
            }
            else
            {
                truth.Remove((node, connection));
                changes = registry.Close(node, connection);
            }
            foreach (var (user, isOnline) in changes.Flips)
            {
                Assert.True(isOnline ? online.Add(user) : online.Remove(user));
            }
            Assert.Equal(truth.Values.Distinct().Order(), registry.OnlineUsers.Order());
            Assert.Equal(online.Order(), registry.OnlineUsers.Order());
        }
    }
}
