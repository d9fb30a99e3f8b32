using Collab.Ot;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Client;
using Collab.Cluster.Tests.Infrastructure;
using Collab.Grains.Interfaces.LessonPreps;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Collab.Cluster.Tests.LessonPreps;

/// <summary>
/// Co-editing one lesson plan through several real processes on one PostgreSQL database: teachers on different Api nodes
/// converge on the server's text, and killing the silo that holds the plan loses no acknowledged op and applies no
/// resent op twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CoEditingClusterTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Section = "process";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(180);

    private readonly ClusterNodes _nodes = new("collab-coedit-");
    private readonly List<IAsyncDisposable> _clients = [];

    [Fact]
    public async Task Three_teachers_on_two_nodes_typing_concurrently_converge_on_the_servers_text()
    {
        var database = await postgres.CreateDatabaseAsync("coedit");
        var a = _nodes.StartApi("api-a", database, "cohosted");
        var b = _nodes.StartApi("api-b", database, "cohosted");

        await _nodes.RunAsync(async () =>
        {
            await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());
            var (planId, sessions, lead) = await StartEditingAsync(a, [a, b, b]);
            var random = new Random(20261123);

            await TypeAsync(sessions, random, rounds: 30);

            var server = await ConvergedAsync(lead, a, planId, sessions);
            Assert.True(server.Revision >= 30, $"only {server.Revision} ops reached the server");
        });
    }

    [Fact]
    public async Task Killing_the_silo_that_holds_a_plan_loses_no_acknowledged_op_and_applies_no_resend_twice()
    {
        var database = await postgres.CreateDatabaseAsync("coedit");
        var silos = new[] { _nodes.StartSilo("silo-1", database), _nodes.StartSilo("silo-2", database) };

        await _nodes.RunAsync(async () =>
        {
            var (a, b) = await _nodes.StartClientApisOnceSilosJoinAsync(database, silos);
            var (planId, sessions, lead) = await StartEditingAsync(a, [a, b, a]);
            var random = new Random(7);

            await TypeAsync(sessions, random, rounds: 10);
            await ConvergedAsync(lead, a, planId, sessions);
            var acknowledged = await OpsAsync(lead, a, planId);
            Assert.Equal(Enumerable.Range(1, acknowledged.Count).Select(i => (long)i), acknowledged.Select(op => op.Revision));

            await using var locator = await GrainLocator.ConnectAsync(database);
            var holderPort = await locator.SiloPortOfAsync<ILessonPrepGrain>(planId);
            var holder = Assert.Single(silos, s => s.SiloPort == holderPort);
            var survivor = Assert.Single(silos, s => s != holder);
            // One more round goes out just before the kill, so ops are in flight or in a write as the silo dies;
            // the rounds after it are typed while the plan has no silo at all.
            foreach (var session in sessions)
            {
                session.Edit(text => SeededEdits.Next(random, text));
            }
            await holder.DisposeAsync();
            for (var round = 0; round < 3; round++)
            {
                foreach (var session in sessions)
                {
                    session.Edit(text => SeededEdits.Next(random, text));
                }
            }

            foreach (var session in sessions)
            {
                await session.WaitUntilAsync(s => s.Idle, Recovery);
            }
            var server = await ConvergedAsync(lead, a, planId, sessions);
            Assert.Equal(survivor.SiloPort, await locator.SiloPortOfAsync<ILessonPrepGrain>(planId));

            var history = await OpsAsync(lead, a, planId);
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(op => op.Revision));
            Assert.Equal(server.Revision, history.Count);
            // Every op acknowledged before the kill is still there, where it was.
            Assert.Equal(acknowledged.Select(Describe), history.Take(acknowledged.Count).Select(Describe));
            // No resend was applied twice: each client's ops are its clientSeqs 1..n, each exactly once.
            foreach (var client in history.GroupBy(op => op.ClientId))
            {
                Assert.Equal(Enumerable.Range(1, client.Count()).Select(i => (long)i), client.Select(op => op.ClientSeq).Order());
            }
            Assert.True(history.Count > acknowledged.Count + sessions.Count, $"{history.Count - acknowledged.Count} ops after the kill");
            output.WriteLine($"{acknowledged.Count} ops acknowledged before the kill, {history.Count} in all; failed calls the clients recovered from: "
                + string.Join("; ", sessions.SelectMany(s => s.Errors).GroupBy(e => e.Message.Split('\n')[0]).Select(g => $"{g.Count()} × {g.Key}")));
            Assert.Equal(server.Text, history.Aggregate("", (text, op) => op.Operation.Apply(text)));
        });
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_hands_its_plan_over_and_loses_no_acknowledged_op()
    {
        var database = await postgres.CreateDatabaseAsync("coedit");
        var silos = new[] { _nodes.StartSilo("silo-1", database), _nodes.StartSilo("silo-2", database) };

        await _nodes.RunAsync(async () =>
        {
            var (a, b) = await _nodes.StartClientApisOnceSilosJoinAsync(database, silos);
            await DashboardShowsSilosAsync(a, silos.Length);
            var (planId, sessions, lead) = await StartEditingAsync(a, [a, b, b]);
            var random = new Random(20261203);

            await TypeAsync(sessions, random, rounds: 10);
            await ConvergedAsync(lead, a, planId, sessions);
            var acknowledged = await OpsAsync(lead, a, planId);

            await using var locator = await GrainLocator.ConnectAsync(database);
            var holderPort = await locator.SiloPortOfAsync<ILessonPrepGrain>(planId);
            var holder = Assert.Single(silos, s => s.SiloPort == holderPort);
            var survivor = Assert.Single(silos, s => s != holder);

            // The teachers keep typing while the silo shuts down and after it has gone.
            var stopping = holder.TerminateAsync(TimeSpan.FromSeconds(90));
            while (!stopping.IsCompleted)
            {
                foreach (var session in sessions)
                {
                    session.Edit(text => SeededEdits.Next(random, text));
                }
                await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromMilliseconds(200)));
            }
            Assert.Equal(0, await stopping);
            // It left the cluster itself: a killed silo would still be listed Active until the others voted it dead.
            Assert.Equal(Membership.Dead, await Membership.StatusOfAsync(database, holder.SiloPort));
            await TypeAsync(sessions, random, rounds: 5);

            var server = await ConvergedAsync(lead, a, planId, sessions);
            Assert.Equal(survivor.SiloPort, await locator.SiloPortOfAsync<ILessonPrepGrain>(planId));
            var history = await OpsAsync(lead, a, planId);
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(op => op.Revision));
            Assert.Equal(server.Revision, history.Count);
            Assert.Equal(acknowledged.Select(Describe), history.Take(acknowledged.Count).Select(Describe));
            foreach (var client in history.GroupBy(op => op.ClientId))
            {
                Assert.Equal(Enumerable.Range(1, client.Count()).Select(i => (long)i), client.Select(op => op.ClientSeq).Order());
            }
            Assert.Equal(server.Text, history.Aggregate("", (text, op) => op.Operation.Apply(text)));
            // A graceful hand-over may make a call fail while the grain moves, but only as a retryable `unavailable`,
            // which the session resent; nothing else, and no connection was lost.
            var errors = sessions.SelectMany(session => session.Errors).ToList();
            output.WriteLine($"{acknowledged.Count} ops before the stop, {history.Count} in all, {errors.Count} retried calls: "
                + string.Join("; ", errors.GroupBy(e => e.Message.Split('\n')[0]).Select(g => $"{g.Count()} × {g.Key}")));
            Assert.All(errors, error => Assert.StartsWith("unavailable: ", error.Message));
            Assert.All(_clients.OfType<LiveClient>(), client => Assert.Equal(HubConnectionState.Connected, client.Connection.State));
        });
    }

    [Fact]
    public async Task After_an_api_node_restarts_its_editors_reconnect_by_themselves_rejoin_and_miss_no_op()
    {
        var database = await postgres.CreateDatabaseAsync("coedit");
        var silo = _nodes.StartSilo("silo", database);

        await _nodes.RunAsync(async () =>
        {
            var (a, b) = await _nodes.StartClientApisOnceSilosJoinAsync(database, silo);
            var (planId, sessions, lead) = await StartEditingAsync(a, [a, b], automaticReconnect: true);
            var (onA, onB) = (sessions[0], sessions[1]);
            var connectionOnB = _clients.OfType<LiveClient>().ElementAt(1).Connection;
            var reconnecting = new TaskCompletionSource();
            var reconnected = new TaskCompletionSource();
            connectionOnB.Reconnecting += _ =>
            {
                reconnecting.TrySetResult();
                return Task.CompletedTask;
            };
            connectionOnB.Reconnected += _ =>
            {
                reconnected.TrySetResult();
                return Task.CompletedTask;
            };
            var random = new Random(20261204);

            await TypeAsync(sessions, random, rounds: 5);
            await ConvergedAsync(lead, a, planId, sessions);

            Assert.Equal(0, await b.TerminateAsync(TimeSpan.FromSeconds(60)));
            await reconnecting.Task.WaitAsync(Recovery);
            // The teacher on the other node goes on typing while this one's node is down.
            for (var edit = 0; edit < 10; edit++)
            {
                onA.Edit(text => SeededEdits.Next(random, text));
                await onA.WaitUntilAsync(s => s.Idle, Settle);
            }
            var whileDown = onA.Revision;
            Assert.True(onB.Revision < whileDown, "the editor on the stopped node cannot have seen the ops typed meanwhile");

            var restarted = _nodes.StartApi("api-b-restarted", database, "client", b.BaseAddress!.Port);
            await restarted.WaitReadyAsync();
            await reconnected.Task.WaitAsync(Recovery);
            // Nothing typed on the other node is missed: the session rejoins and catches up with Sync by itself.
            await onB.WaitUntilAsync(s => s.Revision >= whileDown, Recovery);
            Assert.Equal(onA.Text, onB.Text);

            await TypeAsync(sessions, random, rounds: 5);
            var server = await ConvergedAsync(lead, a, planId, sessions);
            var history = await OpsAsync(lead, a, planId);
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(op => op.Revision));
            Assert.Equal(server.Revision, history.Count);
            foreach (var client in history.GroupBy(op => op.ClientId))
            {
                Assert.Equal(Enumerable.Range(1, client.Count()).Select(i => (long)i), client.Select(op => op.ClientSeq).Order());
            }
            Assert.Equal(server.Text, history.Aggregate("", (text, op) => op.Operation.Apply(text)));
            Assert.Equal(HubConnectionState.Connected, connectionOnB.State);
        });
    }

    /// <summary>A client-role Api node serves the dashboard, and it shows the headless silos' counters.</summary>
    private static async Task DashboardShowsSilosAsync(NodeProcess api, int silos)
    {
        var admin = new ClusterUser($"admin-{Guid.NewGuid():N}"[..20], "county-0", "admin");
        using var http = await admin.HttpAsync(api);
        var last = "";
        await api.WaitUntilAsync(async () =>
        {
            var response = await http.GetAsync("/dashboard/DashboardCounters");
            var body = await response.Content.ReadAsStringAsync();
            last = $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
            return response.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.GetProperty("totalActiveHostCount").GetInt32() == silos;
        }, () => $"the dashboard of {api.Name} does not show {silos} silos: {last}");
    }

    private static string Describe(OpApplied<TextOperation> op) => $"{op.Revision} {op.ClientId}#{op.ClientSeq} {JsonSerializer.Serialize(op.Operation.ToWire())}";

    /// <summary>Three teachers of one group, each connected through its node, editing the same section of a new plan.</summary>
    private async Task<(string PlanId, List<LessonPrepSession> Sessions, ClusterUser Lead)> StartEditingAsync(NodeProcess home, NodeProcess[] nodes,
        bool automaticReconnect = false)
    {
        var teachers = nodes.Select((_, i) => ClusterUser.NewTeacher($"t{i}", $"county-{i}")).ToList();
        var groupId = await teachers[0].CreateGroupAsync(home);
        foreach (var teacher in teachers.Skip(1))
        {
            await teachers[0].AddMemberAsync(home, groupId, teacher);
        }
        using var http = await teachers[0].HttpAsync(home);
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "跨县集体备课", subject = "chinese", grade = "8", format = "text" });
        created.EnsureSuccessStatusCode();
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var sessions = new List<LessonPrepSession>();
        for (var i = 0; i < nodes.Length; i++)
        {
            var connection = await teachers[i].ConnectAsync(nodes[i], "/hubs/lessonprep", automaticReconnect);
            _clients.Add(connection);
            var session = await LessonPrepSession.JoinAsync(connection.Connection, planId, Section, $"tab-{i}", retryDelay: TimeSpan.FromMilliseconds(250));
            sessions.Add(session);
            _clients.Add(new DisposeOnce(session));
        }
        return (planId, sessions, teachers[0]);
    }

    /// <summary>Every client edits once a round; a round waits only until the first client's view moved on, so ops cross in flight.</summary>
    private static async Task TypeAsync(List<LessonPrepSession> sessions, Random random, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            var before = sessions[0].Revision;
            foreach (var session in sessions)
            {
                session.Edit(text => SeededEdits.Next(random, text));
            }
            await sessions[0].WaitUntilAsync(s => s.Revision > before, Settle);
        }
    }

    /// <summary>Waits until every client is idle and at the server's revision, and asserts they all show the server's text.</summary>
    private static async Task<(long Revision, string Text)> ConvergedAsync(ClusterUser user, NodeProcess node, string planId, List<LessonPrepSession> sessions)
    {
        foreach (var session in sessions)
        {
            await session.WaitUntilAsync(s => s.Idle, Recovery);
        }
        using var http = await user.HttpAsync(node);
        var plan = await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{planId}");
        var revision = plan.GetProperty("revision").GetInt64();
        var text = plan.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == Section).GetProperty("text").GetString()!;
        foreach (var session in sessions)
        {
            await session.WaitUntilAsync(s => s.Revision == revision, Recovery);
            Assert.Equal(text, session.Text);
        }
        return (revision, text);
    }

    /// <summary>The plan's whole op history, from a fresh connection's Sync from seq 0.</summary>
    private static async Task<List<OpApplied<TextOperation>>> OpsAsync(ClusterUser user, NodeProcess node, string planId)
    {
        await using var reader = await user.ConnectAsync(node, "/hubs/lessonprep");
        var sync = await reader.InvokeAsync("Sync", planId, 0L);
        return sync.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "op.applied")
            .Select(e => OpApplied.FromJson(e.GetProperty("data")))
            .ToList();
    }



    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in Enumerable.Reverse(_clients))
        {
            await client.DisposeAsync();
        }
        await _nodes.DisposeAsync();
    }

    private sealed class DisposeOnce(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
