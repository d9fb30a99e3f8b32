using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Silo.Database;
using Collab.Silo.Hosting;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Collab.Silo.Tests.Exams;

/// <summary>
/// Answers saved through a real silo are rows of <c>exam_answer</c>, many students saving at once; after the silo
/// stops, the next one resumes every attempt with its answers, answers a resend with its first result without applying
/// it again, keeps a newer answer against a late copy of an older save, and grades what the table holds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExamAnswerRestartTests(PostgresServer postgres)
{
    private const int Students = 12;
    private static readonly Caller Author = new("t-answers", "老师", Roles.Teacher, "s-1", "c-1");

    private static Caller Student(int i) => new($"s-answers-{i}", $"考生{i}", Roles.Student, "s-1", "c-1");

    [Fact]
    public async Task Answers_survive_a_restart_on_sqlite()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-answers-").FullName;
        try
        {
            await AssertAnswersSurviveAsync(new Dictionary<string, string?> { ["Collab:DataDirectory"] = dataDirectory });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Answers_survive_a_restart_on_postgres()
    {
        await AssertAnswersSurviveAsync(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
        });
    }

    private static async Task AssertAnswersSurviveAsync(Dictionary<string, string?> settings)
    {
        var examId = $"ex-{Guid.NewGuid():N}";
        var first = await SiloHost.StartAsync(settings);
        var acknowledged = new Dictionary<(int, long), AnswerSaved>();
        try
        {
            var exam = first.Grains().GetGrain<IExamGrain>(examId);
            await exam.CreateAsync(Author, JsonSerializer.Serialize(new
            {
                title = "重启演练",
                subject = "it",
                opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                durationMinutes = 40,
                lateJoinMinutes = 10,
                roster = Enumerable.Range(0, Students).Select(i => Student(i).UserId),
                questions = new object[]
                {
                    new { id = "q1", kind = "truefalse", points = 2, stem = "答案按行保存", answer = true },
                    new { id = "q2", kind = "fill", points = 4, stem = "___ 与 ___", answer = new[] { new[] { "行" }, new[] { "批" } } },
                },
            }));
            await exam.PublishAsync(Author);
            var attempts = Attempts(first.Grains(), examId);
            await Task.WhenAll(attempts.Select((attempt, i) => attempt.StartAsync(Student(i))));
            // Every student saves at once, three times: the first answer to q1 is wrong, the last one right.
            foreach (var (seq, question, answer) in new[] { (1L, "q1", "false"), (2L, "q2", "[\"行\",\"批\"]"), (3L, "q1", "true") })
            {
                var saves = await Task.WhenAll(attempts.Select((attempt, i) =>
                    attempt.SaveAnswerAsync(Student(i), new CommandId("tab", seq), question, answer)));
                for (var i = 0; i < Students; i++)
                {
                    acknowledged[(i, seq)] = saves[i];
                }
            }
        }
        finally
        {
            await first.StopQuietlyAsync();
        }

        var table = new ExamAnswerTable(new CollabDatabase(CollabSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())));
        var stored = await table.ReadAsync(examId, Student(0).UserId);
        Assert.Equal([("q1", 3L), ("q2", 2L)], stored.Select(r => (r.QuestionId, r.ClientSeq)).Order());

        var second = await SiloHost.StartAsync(settings);
        try
        {
            var attempts = Attempts(second.Grains(), examId);
            for (var i = 0; i < Students; i++)
            {
                var view = await attempts[i].StartAsync(Student(i));
                Assert.Equal("true", view.AnswersJson["q1"]);
                Assert.Equal("[\"行\",\"批\"]", view.AnswersJson["q2"]);
            }
            // Resends after the restart: the latest saves get their first answers; a late copy of the overwritten
            // first save is answered too, and does not bring the wrong answer back.
            Assert.Equal(acknowledged[(0, 3)], await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab", 3), "q1", "true"));
            Assert.Equal(acknowledged[(0, 2)], await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab", 2), "q2", "[\"行\",\"批\"]"));
            await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab", 1), "q1", "false");
            Assert.Equal(stored.OrderBy(r => r.QuestionId), (await table.ReadAsync(examId, Student(0).UserId)).OrderBy(r => r.QuestionId));

            await Task.WhenAll(attempts.Select((attempt, i) => attempt.SubmitAsync(Student(i))));
            for (var i = 0; i < Students; i++)
            {
                var result = await attempts[i].GetResultAsync();
                Assert.Equal(6m, result.Score);
            }
        }
        finally
        {
            await second.StopQuietlyAsync();
        }
    }

    private static IExamAttemptGrain[] Attempts(IGrainFactory grains, string examId) =>
        Enumerable.Range(0, Students).Select(i => grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Student(i).UserId))).ToArray();
}
