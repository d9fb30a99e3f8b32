using System.Diagnostics;
using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Collab.Silo.Tests.Storage;

/// <summary>
/// A write that gets none of the node's write turns within <c>Collab:Database:WriteTurnWait</c> is refused as
/// <c>unavailable</c> before anything is stored, well inside Orleans' response timeout, so its caller is never told
/// "timed out" about a write that was then stored; the resend with the same command id is stored once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteTurnWaitTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Caller Author = new("t-turns", "老师", Roles.Teacher, "s-1", "c-1");
    private static readonly Caller Submitter = new("s-turns-1", "交卷的考生", Roles.Student, "s-1", "c-1");
    private static readonly Caller Saver = new("s-turns-2", "作答的考生", Roles.Student, "s-1", "c-1");

    private static async Task<TimeSpan> RefusedAsync(Func<Task> write)
    {
        var started = Stopwatch.GetTimestamp();
        var refusal = await Assert.ThrowsAsync<CollabException>(write).WaitAsync(Patience);
        Assert.Equal(ErrorCodes.Unavailable, refusal.Code);
        return Stopwatch.GetElapsedTime(started);
    }

    [Fact]
    public async Task A_write_that_gets_no_turn_in_time_is_refused_as_unavailable_stores_nothing_and_its_resend_is_stored_once()
    {
        // A pool of two is one write turn; a one-second wait for it.
        var connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { MaxPoolSize = 2 }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Collab:Database:WriteTurnWait"] = "00:00:01",
        };
        var examId = $"ex-{Guid.NewGuid():N}";
        AttemptSubmitted submitted;
        AnswerSaved saved;
        var silo = await SiloHost.StartAsync(settings);
        try
        {
            var exam = silo.Grains().GetGrain<IExamGrain>(examId);
            await exam.CreateAsync(Author, JsonSerializer.Serialize(new
            {
                title = "排队有时限",
                subject = "it",
                opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                durationMinutes = 40,
                lateJoinMinutes = 10,
                roster = new[] { Submitter.UserId, Saver.UserId },
                questions = new object[] { new { id = "q1", kind = "truefalse", points = 2, stem = "先到先写", answer = true } },
            }));
            await exam.PublishAsync(Author);
            var submitter = silo.Grains().GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Submitter.UserId));
            var saver = silo.Grains().GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Saver.UserId));
            await submitter.StartAsync(Submitter);
            await saver.StartAsync(Saver);

            var (held, release) = await HeldWriteTurn.TakeAsync(silo.Services.GetRequiredService<CollabDatabase>());
            // Grain state (a submit) and the group commit (an answer row) both wait for the turn, and both give up.
            var submitWaited = await RefusedAsync(() => submitter.SubmitAsync(Submitter));
            var saveWaited = await RefusedAsync(() => saver.SaveAnswerAsync(Saver, new CommandId("tab", 1), "q1", "true"));
            release.SetResult();
            await held.WaitAsync(Patience);

            Assert.InRange(submitWaited, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
            Assert.InRange(saveWaited, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
            // The refused activations are gone; the next call reads what the database holds: neither write.
            Assert.Equal(AttemptStatuses.Active, (await submitter.GetProgressAsync()).Status);
            Assert.Equal(0, (await saver.GetProgressAsync()).Answered);

            submitted = await submitter.SubmitAsync(Submitter);
            saved = await saver.SaveAnswerAsync(Saver, new CommandId("tab", 1), "q1", "true");
            Assert.Equal(submitted, await submitter.SubmitAsync(Submitter));
            Assert.Equal(saved, await saver.SaveAnswerAsync(Saver, new CommandId("tab", 1), "q1", "true"));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        var again = await SiloHost.StartAsync(settings);
        try
        {
            var submitter = await again.Grains().GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Submitter.UserId)).StartAsync(Submitter);
            var saver = await again.Grains().GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Saver.UserId)).StartAsync(Saver);
            Assert.Equal((AttemptStatuses.Submitted, submitted.SubmittedAt, SubmitReasons.Student), (submitter.Status, submitter.SubmittedAt, submitter.SubmitReason));
            Assert.Equal("true", saver.AnswersJson["q1"]);
        }
        finally
        {
            await again.StopQuietlyAsync();
        }
    }
}
