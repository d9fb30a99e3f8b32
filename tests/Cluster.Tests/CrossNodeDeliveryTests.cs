using System.Text.Json;
using Collab.Cluster.Tests.Infrastructure;
using Collab.TestSupport;

namespace Collab.Cluster.Tests;

/// <summary>
/// Real processes on one PostgreSQL database: a message posted through one Api node reaches a member connected to
/// another node exactly once, in order, with contiguous seqs, whether the Apis co-host the silos or are cluster clients
/// of a headless silo; and when an Api node is killed, its clients rejoin through another node and miss nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CrossNodeDeliveryTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int Messages = 100;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private readonly ClusterNodes _nodes = new("collab-cluster-");

    [Fact]
    public async Task Two_cohosting_api_nodes_deliver_every_message_once_in_order_across_nodes()
    {
        var database = await postgres.CreateDatabaseAsync("cluster");
        var a = _nodes.StartApi("api-a", database, "cohosted");
        var b = _nodes.StartApi("api-b", database, "cohosted");

        await _nodes.RunAsync(async () =>
        {
            await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());
            Assert.Equal(new[] { a.SiloPort, b.SiloPort }.Order(), await Membership.ActiveSiloPortsAsync(database));

            await PostOnAndReceiveOnAsync(a, b);
        });
    }

    [Fact]
    public async Task Two_client_api_nodes_of_a_headless_silo_deliver_every_message_once_in_order_across_nodes()
    {
        var database = await postgres.CreateDatabaseAsync("cluster");
        var silo = _nodes.StartSilo("silo", database);

        await _nodes.RunAsync(async () =>
        {
            var (a, b) = await _nodes.StartClientApisOnceSilosJoinAsync(database, silo);
            // The Apis are clients: the headless silo is the only member of the cluster.
            Assert.Equal([silo.SiloPort], await Membership.ActiveSiloPortsAsync(database));

            await PostOnAndReceiveOnAsync(a, b);
        });
    }

    [Fact]
    public async Task When_an_api_node_dies_its_clients_rejoin_through_another_node_and_miss_no_event()
    {
        var database = await postgres.CreateDatabaseAsync("cluster");
        var silo = _nodes.StartSilo("silo", database);

        await _nodes.RunAsync(async () =>
        {
            var (survivor, doomed) = await _nodes.StartClientApisOnceSilosJoinAsync(database, silo);

            var leader = ClusterUser.NewTeacher("lead", "county-a");
            var member = ClusterUser.NewTeacher("member", "county-b");
            var groupId = await leader.CreateGroupAsync(survivor);
            await leader.AddMemberAsync(survivor, groupId, member);
            await using var author = await leader.ConnectAsync(survivor);
            await using var onDoomed = await member.ConnectAsync(doomed);
            await onDoomed.InvokeAsync("Join", groupId);
            var closed = new TaskCompletionSource();
            onDoomed.Connection.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };

            for (var i = 1; i <= 5; i++)
            {
                await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = (long)i, text = $"before {i}" });
            }
            var seen = await onDoomed.WaitForCountAsync("message.posted", 5, DeliveryTimeout);
            var lastSeq = Seqs(seen)[^1];

            await doomed.DisposeAsync();
            await closed.Task.WaitAsync(DeliveryTimeout);
            for (var i = 6; i <= 15; i++)
            {
                await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = (long)i, text = $"while down {i}" });
            }

            // What a client does after losing its node: connect to another, Join again, and Sync from its last seq.
            await using var rejoined = await member.ConnectAsync(survivor);
            var joined = await rejoined.InvokeAsync("Join", groupId);
            var missed = (await rejoined.InvokeAsync("Sync", groupId, lastSeq)).GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "message.posted").ToList();
            Assert.Equal(Enumerable.Range(6, 10).Select(i => $"while down {i}"),
                missed.Select(e => e.GetProperty("data").GetProperty("text").GetString()));
            Assert.Equal(Enumerable.Range(1, 10).Select(i => lastSeq + i), Seqs(missed));
            Assert.Equal(lastSeq + 10, joined.GetProperty("seq").GetInt64());

            await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = 16L, text = "after" });
            var next = await rejoined.WaitForCountAsync("message.posted", 1, DeliveryTimeout);
            Assert.Equal(lastSeq + 11, next[0].GetProperty("seq").GetInt64());
        });
    }

    /// <summary>
    /// A leader creates a group on <paramref name="postNode"/>; a member joins it through <paramref name="receiveNode"/>;
    /// the leader posts <see cref="Messages"/> messages through <paramref name="postNode"/>.
    /// </summary>
    private static async Task PostOnAndReceiveOnAsync(NodeProcess postNode, NodeProcess receiveNode)
    {
        var leader = ClusterUser.NewTeacher("lead", "county-a");
        var member = ClusterUser.NewTeacher("member", "county-b");
        var groupId = await leader.CreateGroupAsync(postNode);
        await leader.AddMemberAsync(postNode, groupId, member);

        await using var receiver = await member.ConnectAsync(receiveNode);
        var joinSeq = (await receiver.InvokeAsync("Join", groupId)).GetProperty("seq").GetInt64();
        await using var author = await leader.ConnectAsync(postNode);

        var expectedTexts = Enumerable.Range(1, Messages).Select(i => $"消息 {i:000} from {postNode.Name}").ToList();
        var messageIds = new List<string>();
        for (var i = 1; i <= Messages; i++)
        {
            var posted = await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = (long)i, text = expectedTexts[i - 1] });
            messageIds.Add(posted.GetProperty("messageId").GetString()!);
        }
        Assert.Equal(Messages, messageIds.Distinct().Count());

        var live = await receiver.WaitForCountAsync("message.posted", Messages, DeliveryTimeout);
        AssertTheMessages(groupId, joinSeq, expectedTexts, messageIds, live, $"live on {receiveNode.Name}");

        var sync = await receiver.InvokeAsync("Sync", groupId, joinSeq);
        var synced = sync.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "message.posted").ToList();
        AssertTheMessages(groupId, joinSeq, expectedTexts, messageIds, synced, "Sync");
        Assert.Equal(Seqs(live), Seqs(synced));

        // A last message is a barrier: once it arrived, a duplicate of an earlier one would have shown up before it.
        var last = await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = (long)Messages + 1, text = "barrier" });
        var all = await receiver.WaitForCountAsync("message.posted", Messages + 1, DeliveryTimeout);
        Assert.Equal(Messages + 1, all.Count);
        Assert.Equal(last.GetProperty("messageId").GetString(), all[^1].GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(Seqs(live).Append(Seqs(live)[^1] + 1), Seqs(all));
    }

    private static void AssertTheMessages(string groupId, long joinSeq, IReadOnlyList<string> texts, IReadOnlyList<string> ids,
        IReadOnlyList<JsonElement> events, string source)
    {
        Assert.True(events.Count == texts.Count, $"{source}: {events.Count} message.posted events, expected {texts.Count}");
        Assert.All(events, e => Assert.Equal($"groups/{groupId}", e.GetProperty("stream").GetString()));
        Assert.Equal(texts, events.Select(e => e.GetProperty("data").GetProperty("text").GetString()));
        Assert.Equal(ids, events.Select(e => e.GetProperty("data").GetProperty("id").GetString()));
        var seqs = Seqs(events);
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => joinSeq + 1 + i), seqs);
    }

    private static List<long> Seqs(IEnumerable<JsonElement> events) =>
        events.Select(e => e.GetProperty("seq").GetInt64()).ToList();



    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _nodes.DisposeAsync();
    }
}
