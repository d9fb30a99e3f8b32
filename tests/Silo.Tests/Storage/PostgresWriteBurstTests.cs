using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;
using Npgsql;

namespace Collab.Silo.Tests.Storage;

/// <summary>
/// A burst of writes far larger than the node's PostgreSQL pool (an exam's simultaneous starts, saves and submits)
/// waits its turn in the node and succeeds, every acknowledged submit stored, instead of timing out in Npgsql's pool
/// (<c>unavailable: the change could not be stored</c>, as the city exam bench saw with 10,000 candidates).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteBurstTests(PostgresServer postgres)
{
    private const int Students = 200;
    private static readonly Caller Author = new("t-burst", "老师", Roles.Teacher, "s-1", "c-1");

    private static Caller Student(int i) => new($"s-burst-{i}", $"考生{i}", Roles.Student, "s-1", "c-1");

    [Fact]
    public async Task Two_hundred_simultaneous_saves_and_submits_through_a_pool_of_two_all_succeed_and_are_stored()
    {
        // A one-second pool wait: without the node's write turns, writers queued behind two connections time out.
        var connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { MaxPoolSize = 2, Timeout = 1 }.ConnectionString;
        var settings = new Dictionary<string, string?> { ["Collab:Storage"] = "postgres", ["ConnectionStrings:Postgres"] = connectionString };
        var examId = $"ex-{Guid.NewGuid():N}";
        var submitted = new AttemptSubmitted[Students];
        var silo = await SiloHost.StartAsync(settings);
        try
        {
            var exam = silo.Grains().GetGrain<IExamGrain>(examId);
            await exam.CreateAsync(Author, JsonSerializer.Serialize(new
            {
                title = "高峰交卷",
                subject = "it",
                opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                durationMinutes = 40,
                lateJoinMinutes = 10,
                roster = Enumerable.Range(0, Students).Select(i => Student(i).UserId),
                questions = new object[] { new { id = "q1", kind = "truefalse", points = 2, stem = "排队而不失败", answer = true } },
            }));
            await exam.PublishAsync(Author);
            var attempts = Attempts(silo.Grains(), examId);
            await Task.WhenAll(attempts.Select((attempt, i) => attempt.StartAsync(Student(i))));
            await Task.WhenAll(attempts.Select((attempt, i) => attempt.SaveAnswerAsync(Student(i), new CommandId("tab", 1), "q1", "true")));
            submitted = await Task.WhenAll(attempts.Select((attempt, i) => attempt.SubmitAsync(Student(i))));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        Assert.All(submitted, s => Assert.Equal(SubmitReasons.Student, s.Reason));
        // A fresh silo reads back from the database what the first one acknowledged.
        var again = await SiloHost.StartAsync(settings);
        try
        {
            var attempts = Attempts(again.Grains(), examId);
            for (var i = 0; i < Students; i++)
            {
                var view = await attempts[i].StartAsync(Student(i));
                Assert.Equal((AttemptStatuses.Submitted, submitted[i].SubmittedAt), (view.Status, view.SubmittedAt));
                Assert.Equal(2m, (await attempts[i].GetResultAsync()).Score);
            }
        }
        finally
        {
            await again.StopQuietlyAsync();
        }
    }

    private static IExamAttemptGrain[] Attempts(IGrainFactory grains, string examId) =>
        Enumerable.Range(0, Students).Select(i => grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Student(i).UserId))).ToArray();
}
