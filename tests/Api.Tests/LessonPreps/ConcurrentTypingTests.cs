using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Client;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>Three teachers type seeded random edits into one section at once, each through a real OT client; all end on the server's text.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentTypingTests(SharedApiHost shared)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private readonly GroupScenario _scenario = new(shared.Host);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Three_clients_typing_concurrently_converge_on_the_servers_text(int seed)
    {
        var random = new Random(seed);
        var teachers = new[] { _scenario.Teacher("county-a"), _scenario.Teacher("county-b"), _scenario.Teacher("county-c") };
        var groupId = await _scenario.CreateGroupAsync(teachers[0]);
        await _scenario.AddMemberAsync(teachers[0], groupId, teachers[1]);
        await _scenario.AddMemberAsync(teachers[0], groupId, teachers[2]);
        using var http = await teachers[0].HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "并发输入", subject = "chinese", grade = "8", format = "text" });
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var connections = new List<LiveClient>();
        var clients = new List<LessonPrepSession>();
        try
        {
            foreach (var (teacher, index) in teachers.Select((t, i) => (t, i)))
            {
                var connection = await teacher.ConnectAsync("/hubs/lessonprep");
                connections.Add(connection);
                clients.Add(await LessonPrepSession.JoinAsync(connection.Connection, planId, "process", $"tab-{index}"));
            }

            for (var round = 0; round < 25; round++)
            {
                var before = clients[0].Revision;
                foreach (var client in clients)
                {
                    client.Edit(text => SeededEdits.Next(random, text));
                }
                // Let the server's answers interleave with the next round's edits, so ops cross in flight many times.
                await clients[0].WaitUntilAsync(c => c.Revision > before, Settle);
            }

            foreach (var client in clients)
            {
                await client.WaitUntilAsync(c => c.Idle, Settle);
                Assert.Empty(client.Errors);
            }
            var plan = await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{planId}");
            var serverRevision = plan.GetProperty("revision").GetInt64();
            var serverText = plan.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "process").GetProperty("text").GetString();
            Assert.True(serverRevision >= clients.Count, $"only {serverRevision} ops reached the server");
            foreach (var client in clients)
            {
                await client.WaitUntilAsync(c => c.Revision == serverRevision, Settle);
                Assert.Equal(serverText, client.Text);
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
