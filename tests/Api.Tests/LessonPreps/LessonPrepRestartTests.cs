using Collab.Ot;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Client;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>The embedded default (co-hosted silo, SQLite file) keeps every acknowledged op of a plan across a restart.</summary>
public sealed class LessonPrepRestartTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ops_typed_concurrently_survive_a_restart_and_a_resent_op_is_not_applied_again()
    {
        using var folder = new DataFolder();
        string planId;
        string text;
        long revision;
        OpApplied<TextOperation> first;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        try
        {
            var scenario = new GroupScenario(host);
            var teachers = new[] { host.User("restart-lead"), host.User("restart-b"), host.User("restart-c") };
            var groupId = await scenario.CreateGroupAsync(teachers[0]);
            await scenario.AddMemberAsync(teachers[0], groupId, teachers[1]);
            await scenario.AddMemberAsync(teachers[0], groupId, teachers[2]);
            using var http = await teachers[0].HttpAsync();
            var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "重启", subject = "chinese", grade = "8", format = "text" });
            planId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            var connections = new List<LiveClient>();
            var sessions = new List<LessonPrepSession>();
            var random = new Random(11);
            foreach (var (teacher, i) in teachers.Select((t, i) => (t, i)))
            {
                var connection = await teacher.ConnectAsync("/hubs/lessonprep");
                connections.Add(connection);
                sessions.Add(await LessonPrepSession.JoinAsync(connection.Connection, planId, "process", $"tab-{i}"));
            }
            for (var round = 0; round < 15; round++)
            {
                sessions.ForEach(s => s.Edit(current => SeededEdits.Next(random, current)));
            }
            foreach (var session in sessions)
            {
                await session.WaitUntilAsync(s => s.Idle, Settle);
            }
            var history = await connections[0].InvokeAsync("Sync", planId, 0L);
            first = OpApplied.FromJson(history.GetProperty("events").EnumerateArray().First().GetProperty("data"));
            revision = sessions[0].Revision;
            text = sessions[0].Text;
            sessions.ForEach(s => s.Dispose());
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            // A resend comes from the op's own author: command ids are the sender's, and another user's equal ids are another command.
            await using var client = await restarted.User(first.UserId).ConnectAsync("/hubs/lessonprep");
            var snapshot = (await client.InvokeAsync("Join", planId)).GetProperty("snapshot");
            Assert.Equal(revision, snapshot.GetProperty("revision").GetInt64());
            Assert.Equal(text, snapshot.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "process").GetProperty("text").GetString());

            var resent = await client.InvokeAsync("SubmitOp", planId,
                new { clientId = first.ClientId, clientSeq = first.ClientSeq, section = "process", baseRevision = 0L, ops = first.Operation.ToWire() });
            Assert.Equal(first.Revision, resent.GetProperty("revision").GetInt64());
            var replayed = (await client.InvokeAsync("Sync", planId, 0L)).GetProperty("events").EnumerateArray()
                .Select(e => OpApplied.FromJson(e.GetProperty("data"))).ToList();
            Assert.Equal(Enumerable.Range(1, (int)revision).Select(i => (long)i), replayed.Select(op => op.Revision));
            Assert.Equal(text, replayed.Aggregate("", (current, op) => op.Operation.Apply(current)));
        }
        finally
        {
            await restarted.StopAsync();
        }
    }
}
