using Collab.Cluster.Tests.Infrastructure;
using Collab.TestSupport;

namespace Collab.Cluster.Tests;

/// <summary>
/// Real processes on one PostgreSQL database: a member removed through one Api node loses the group's live events on
/// the connections they hold on another node at once, while a colleague on that same node keeps receiving them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RevocationClusterTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private readonly ClusterNodes _nodes = new("collab-revoke-");

    [Fact]
    public async Task A_member_removed_on_one_node_stops_receiving_on_another_and_is_refused_there()
    {
        var database = await postgres.CreateDatabaseAsync("revoke");
        var a = _nodes.StartApi("api-a", database, "cohosted");
        var b = _nodes.StartApi("api-b", database, "cohosted");

        await _nodes.RunAsync(async () =>
        {
            await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());
            var leader = ClusterUser.NewTeacher("lead", "county-a");
            var colleague = ClusterUser.NewTeacher("stays", "county-b");
            var removed = ClusterUser.NewTeacher("removed", "county-c");
            var groupId = await leader.CreateGroupAsync(a);
            await leader.AddMemberAsync(a, groupId, colleague);
            await leader.AddMemberAsync(a, groupId, removed);
            await using var stays = await colleague.ConnectAsync(b);
            await using var leaves = await removed.ConnectAsync(b);
            await stays.InvokeAsync("Join", groupId);
            await leaves.InvokeAsync("Join", groupId);
            await using var author = await leader.ConnectAsync(a);
            await author.InvokeAsync("Join", groupId);
            await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = 1L, text = "删除前" });
            await leaves.WaitForCountAsync("message.posted", 1, DeliveryTimeout);

            using (var http = await leader.HttpAsync(a))
            {
                (await http.DeleteAsync($"/api/groups/{groupId}/members/{removed.UserId}")).EnsureSuccessStatusCode();
            }
            await leaves.WaitForTypeAsync("member.removed");
            await author.InvokeAsync("PostMessage", groupId, new { clientId = "tab-a", clientSeq = 2L, text = "删除后" });
            await stays.WaitForCountAsync("message.posted", 2, DeliveryTimeout);

            // A refused call is a round trip on the connection: an event sent to it before the answer has arrived by now.
            var error = await Assert.ThrowsAnyAsync<Exception>(() => leaves.InvokeAsync("Sync", groupId, 0L));
            Assert.StartsWith("not_member", error.Message);
            Assert.Single(leaves.EventsOfType("message.posted"));
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _nodes.DisposeAsync();
}
