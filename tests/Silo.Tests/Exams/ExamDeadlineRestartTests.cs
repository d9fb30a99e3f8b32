using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;

namespace Collab.Silo.Tests.Exams;

/// <summary>
/// A student's deadline passes while no silo holds the attempt: the silo that held it is stopped, and the durable
/// reminder submits the attempt on the next silo, nobody asking. The next silo starts on a clock eleven minutes ahead,
/// past the ten-minute exam's deadline, instead of anyone waiting for it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExamDeadlineRestartTests(PostgresServer postgres)
{
    private static readonly Caller Author = new("t-deadline", "监考老师", Roles.Teacher, "s-1", "c-1");
    private static readonly Caller Student = new("s-deadline", "考生", Roles.Student, "s-1", "c-1");

    [Fact]
    public async Task An_attempt_is_submitted_at_its_deadline_after_its_silo_stopped_on_sqlite()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-exam-").FullName;
        try
        {
            await AssertSubmittedByTheNextSiloAsync(new Dictionary<string, string?> { ["Collab:DataDirectory"] = dataDirectory });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_attempt_is_submitted_at_its_deadline_after_its_silo_stopped_on_postgres()
    {
        await AssertSubmittedByTheNextSiloAsync(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["Collab:Clustering"] = "postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
        });
    }

    private static async Task AssertSubmittedByTheNextSiloAsync(Dictionary<string, string?> settings)
    {
        settings["Collab:Exams:DeadlineReminderPeriod"] = "00:00:02";
        var examId = $"ex-{Guid.NewGuid():N}";
        var first = await SiloHost.StartAsync(settings);
        try
        {
            var exam = first.Grains().GetGrain<IExamGrain>(examId);
            await exam.CreateAsync(Author, JsonSerializer.Serialize(new
            {
                title = "断电演练",
                subject = "it",
                opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                durationMinutes = 10,
                lateJoinMinutes = 5,
                roster = new[] { Student.UserId },
                questions = new object[]
                {
                    new { id = "q1", kind = "truefalse", points = 2, stem = "服务器会按时交卷", answer = true },
                    new { id = "q2", kind = "short", points = 8, stem = "为什么?" },
                },
            }));
            await exam.PublishAsync(Author);
            var attempt = first.Grains().GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Student.UserId));
            await attempt.StartAsync(Student);
            await attempt.SaveAnswerAsync(Student, new CommandId("tab", 1), "q1", "true");
            await attempt.SaveAnswerAsync(Student, new CommandId("tab", 2), "q2", "\"因为有持久的提醒\"");
        }
        finally
        {
            await first.StopQuietlyAsync();
        }

        var second = await SiloHost.StartAsync(settings, services => ShiftedClock.Install(services, TimeSpan.FromMinutes(11)));
        try
        {
            // Asking the marking queue goes through the exam, never the attempt, so it cannot wake the attempt itself.
            var marking = second.Grains().GetGrain<IExamMarkingGrain>(AttemptKeys.Of(examId, "q2"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while ((await marking.GetProgressAsync(Author)).Answers == 0)
            {
                await Task.Delay(200, timeout.Token);
            }

            var attempt = second.Grains().GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Student.UserId));
            var result = await attempt.GetResultAsync();
            Assert.Equal(AttemptStatuses.Submitted, result.Status);
            Assert.Equal(2m, result.PerQuestion["q1"]);
            Assert.Equal(1, result.PendingMarking);
            var events = (await attempt.SyncAsync(Student, 0)).Events;
            var submitted = Assert.Single(events, e => e.Type == "attempt.submitted");
            Assert.Equal("deadline", JsonDocument.Parse(submitted.DataJson).RootElement.GetProperty("reason").GetString());
        }
        finally
        {
            await second.StopQuietlyAsync();
        }
    }
}
