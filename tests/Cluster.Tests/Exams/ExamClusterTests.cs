using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Cluster.Tests.Infrastructure;
using Collab.Grains.Interfaces.Exams;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace Collab.Cluster.Tests.Exams;

/// <summary>
/// An exam on a PostgreSQL cluster of two silos behind two Api nodes: students save answers while the silo holding
/// their attempts is killed. Every acknowledged answer survives, resends are answered rather than applied again, and
/// the deadlines that pass after the kill still submit every attempt. The exam lasts two real minutes: the processes run
/// on the real clock, and the test waits for the server's own submissions, never sleeping.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamClusterTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Students = 6;
    private const int Questions = 8;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(180);
    private static readonly string[] Choices = ["a", "b", "c"];

    private readonly ClusterNodes _nodes = new("collab-exam-");
    private readonly List<LiveClient> _clients = [];

    [Fact]
    public async Task Killing_the_silo_that_holds_attempts_loses_no_acknowledged_answer_and_deadlines_still_submit()
    {
        var database = await postgres.CreateDatabaseAsync("exams");
        var silos = new[] { _nodes.StartSilo("silo-1", database), _nodes.StartSilo("silo-2", database) };
        await _nodes.RunAsync(async () =>
        {
            var (a, b) = await _nodes.StartClientApisOnceSilosJoinAsync(database, silos);

            var teacher = ClusterUser.NewTeacher("t", "county-a");
            var students = Enumerable.Range(0, Students).Select(i => ClusterUser.NewStudent($"s{i}", $"county-{i % 3}")).ToList();
            var examId = await PublishExamAsync(teacher, a, students);
            var clients = new List<LiveClient>();
            for (var i = 0; i < Students; i++)
            {
                var client = await students[i].ConnectAsync(i % 2 == 0 ? a : b, "/hubs/exam");
                _clients.Add(client);
                await client.InvokeAsync("StartAttempt", examId);
                clients.Add(client);
            }

            var random = new Random(20261123);
            var acknowledged = Enumerable.Range(0, Students).Select(_ => new Dictionary<string, string>()).ToList();
            var clientSeqs = new long[Students];
            await SaveRoundsAsync(examId, clients, random, acknowledged, clientSeqs, rounds: 2);

            await using var locator = await GrainLocator.ConnectAsync(database);
            var holderPort = await locator.SiloPortOfAsync<IExamAttemptGrain>(AttemptKeys.Of(examId, students[0].UserId));
            var holder = Assert.Single(silos, s => s.SiloPort == holderPort);
            var saving = SaveRoundsAsync(examId, clients, random, acknowledged, clientSeqs, rounds: 3);
            await holder.DisposeAsync();
            await saving.WaitAsync(Recovery);

            for (var i = 0; i < Students; i++)
            {
                var resumed = await RetryAsync(() => clients[i].InvokeAsync("StartAttempt", examId));
                var answers = resumed.GetProperty("answers");
                foreach (var (questionId, choice) in acknowledged[i])
                {
                    Assert.Equal(choice, answers.GetProperty(questionId).GetString());
                }
            }

            foreach (var client in clients)
            {
                var submitted = await client.WaitForAsync(e => e.GetProperty("type").GetString() == "attempt.submitted", Recovery);
                Assert.Equal("deadline", submitted.GetProperty("data").GetProperty("reason").GetString());
            }
            using var http = await teacher.HttpAsync(b);
            var results = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/results");
            for (var i = 0; i < Students; i++)
            {
                var row = results.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetString() == students[i].UserId);
                Assert.Equal("submitted", row.GetProperty("status").GetString());
                var expected = acknowledged[i].Count(answer => answer.Value == "a");
                Assert.Equal(expected, row.GetProperty("score").GetDecimal());
            }
            output.WriteLine($"answers acknowledged: {acknowledged.Sum(a => a.Count)} distinct questions over {clientSeqs.Sum()} saves");
        });
    }

    /// <summary>Each student saves a seeded answer to every question per round; a call that fails is resent with the same id until answered.</summary>
    private static Task SaveRoundsAsync(string examId, List<LiveClient> clients, Random random, List<Dictionary<string, string>> acknowledged,
        long[] clientSeqs, int rounds)
    {
        var plans = clients.Select(_ => Enumerable.Range(0, rounds * Questions)
            .Select(n => ($"q{n % Questions + 1}", Choices[random.Next(Choices.Length)])).ToList()).ToList();
        return Task.WhenAll(clients.Select(async (client, i) =>
        {
            foreach (var (questionId, choice) in plans[i])
            {
                var clientSeq = ++clientSeqs[i];
                await RetryAsync(() => client.InvokeAsync("SaveAnswer", examId, new { clientId = "desk", clientSeq, questionId, answer = choice }));
                acknowledged[i][questionId] = choice;
            }
        }));
    }

    /// <summary>Resends a call refused as unavailable (or timed out) while the cluster recovers from the kill.</summary>
    private static async Task<JsonElement> RetryAsync(Func<Task<JsonElement>> call)
    {
        using var deadline = new CancellationTokenSource(Recovery);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HubException error) when (error.Message.StartsWith("unavailable: ", StringComparison.Ordinal) && !deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
    }

    private static async Task<string> PublishExamAsync(ClusterUser teacher, NodeProcess node, IReadOnlyList<ClusterUser> students)
    {
        using var http = await teacher.HttpAsync(node);
        var created = await http.PostAsJsonAsync("/api/exams", new
        {
            title = "断点演练",
            subject = "it",
            opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            // Room for the saves after the kill to finish before the deadline on a loaded machine (45 s was too tight
            // once in three runs at load average 35; 90 s was enough).
            durationMinutes = 2,
            lateJoinMinutes = 2,
            roster = students.Select(s => s.UserId),
            shuffleQuestions = true,
            shuffleOptions = true,
            questions = Enumerable.Range(1, Questions).Select(q => new
            {
                id = $"q{q}",
                kind = "single",
                points = 1,
                stem = $"第{q}题",
                options = Choices.Select(c => new { id = c, text = c.ToUpperInvariant() }),
                answer = "a",
            }),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var examId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/exams/{examId}/publish", null)).StatusCode);
        return examId;
    }


    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        await _nodes.DisposeAsync();
    }
}
