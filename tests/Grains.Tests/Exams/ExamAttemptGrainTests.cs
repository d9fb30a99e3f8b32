using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Exams;

/// <summary>
/// An attempt on the test cluster: resumes keep order, answers and deadline, also after reactivation, and a reopened
/// submitted attempt says how and when it was submitted.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamAttemptGrainTests(ClusterFixture fixture)
{
    private static readonly Caller Author = new("t-attempt", "老师", Roles.Teacher, "s-1", "c-1");
    private static readonly Caller Student = new("s-attempt", "学生", Roles.Student, "s-1", "c-1");

    private async Task<IExamAttemptGrain> StartedAttemptAsync() => (await PublishedExamAsync()).Attempt;

    private async Task<(IExamGrain Exam, IExamAttemptGrain Attempt)> PublishedExamAsync()
    {
        var examId = $"ex-{Guid.NewGuid():N}";
        var exam = fixture.Grains.GetGrain<IExamGrain>(examId);
        await exam.CreateAsync(Author, JsonSerializer.Serialize(new
        {
            title = "单元测验",
            subject = "it",
            opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            durationMinutes = 40,
            lateJoinMinutes = 10,
            roster = new[] { Student.UserId },
            shuffleQuestions = true,
            shuffleOptions = true,
            questions = Enumerable.Range(1, 8).Select(i => new
            {
                id = $"q{i}",
                kind = "multiple",
                points = 2,
                stem = $"第{i}题",
                options = new[] { new { id = "a", text = "A" }, new { id = "b", text = "B" }, new { id = "c", text = "C" } },
                answer = new[] { "a", "b" },
            }),
        }));
        await exam.PublishAsync(Author);
        return (exam, fixture.Grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Student.UserId)));
    }

    [Fact]
    public async Task A_reopened_attempt_collected_by_the_proctor_says_so_with_the_reason_also_after_reactivation()
    {
        var (exam, attempt) = await PublishedExamAsync();
        var running = await attempt.StartAsync(Student);
        Assert.Null(running.SubmitReason);
        Assert.Null(running.SubmitCause);

        await exam.ActOnCandidateAsync(Author, new ProctorAction(Student.UserId, ProctorAction.Submit, 0, "  发现夹带小抄  "));
        var reopened = await attempt.StartAsync(Student);
        await fixture.DeactivateAllAsync();
        var reactivated = await attempt.StartAsync(Student);
        var submitAgain = await attempt.SubmitAsync(Student);

        foreach (var view in new[] { reopened, reactivated })
        {
            Assert.Equal(AttemptStatuses.Submitted, view.Status);
            Assert.Equal("proctor", view.SubmitReason);
            Assert.Equal("发现夹带小抄", view.SubmitCause);
            Assert.NotNull(view.SubmittedAt);
        }
        Assert.Equal(reopened.SubmittedAt, reactivated.SubmittedAt);
        Assert.Equal(new AttemptSubmitted(reopened.SubmittedAt!.Value, "proctor", "发现夹带小抄"), submitAgain);
    }

    [Fact]
    public async Task A_reopened_attempt_the_student_submitted_says_so_without_a_reason()
    {
        var (exam, attempt) = await PublishedExamAsync();
        await attempt.StartAsync(Student);
        var submitted = await attempt.SubmitAsync(Student);
        // A later collection changes nothing: the student's own submission stands.
        await exam.ActOnCandidateAsync(Author, new ProctorAction(Student.UserId, ProctorAction.Submit, 0, "收卷"));

        var reopened = await attempt.StartAsync(Student);

        Assert.Equal("student", reopened.SubmitReason);
        Assert.Null(reopened.SubmitCause);
        Assert.Equal(submitted.SubmittedAt, reopened.SubmittedAt);
    }

    [Fact]
    public async Task A_resume_after_reactivation_keeps_order_answers_and_deadline()
    {
        var attempt = await StartedAttemptAsync();
        var started = await attempt.StartAsync(Student);
        await attempt.SaveAnswerAsync(Student, new CommandId("tab", 1), "q3", "[\"b\",\"a\"]");

        var again = await attempt.StartAsync(Student);
        await fixture.DeactivateAllAsync();
        var reactivated = await attempt.StartAsync(Student);

        foreach (var view in new[] { again, reactivated })
        {
            Assert.Equal(started.Deadline, view.Deadline);
            Assert.Equal(started.StartedAt, view.StartedAt);
            Assert.Equal(started.Paper.Select(q => q.Id + string.Concat(q.Options.Select(o => o.Id))),
                view.Paper.Select(q => q.Id + string.Concat(q.Options.Select(o => o.Id))));
            Assert.Equal("[\"b\",\"a\"]", view.AnswersJson["q3"]);
        }
    }

    [Fact]
    public async Task Another_student_cannot_use_an_attempt()
    {
        var attempt = await StartedAttemptAsync();
        var other = Student with { UserId = "s-other" };

        var refusal = await Assert.ThrowsAsync<CollabException>(() => attempt.StartAsync(other));
        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        refusal = await Assert.ThrowsAsync<CollabException>(() => attempt.JoinAsync(other));
        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
    }

    [Fact]
    public async Task A_resend_older_than_the_remembered_commands_is_answered_from_the_answer_slots_and_changes_nothing()
    {
        var attempt = await StartedAttemptAsync();
        await attempt.StartAsync(Student);
        var first = await attempt.SaveAnswerAsync(Student, new CommandId("tab", 1), "q1", "[\"a\"]");
        var lost = new CommandId("tab", 2);
        // More saves than the per-client command window, as a student typing on while one save waits in the browser.
        for (var seq = 3; seq < 45; seq++)
        {
            await attempt.SaveAnswerAsync(Student, new CommandId("tab", seq), "q2", seq % 2 == 0 ? "[\"a\"]" : "[\"b\"]");
        }
        await attempt.SaveAnswerAsync(Student, new CommandId("tab", 45), "q3", "[\"c\"]");

        var resent = await attempt.SaveAnswerAsync(Student, new CommandId("tab", 1), "q1", "[\"a\"]");
        var lostArrives = await attempt.SaveAnswerAsync(Student, lost, "q3", "[\"b\"]");
        var view = await attempt.StartAsync(Student);

        Assert.Equal(first.SavedAt, resent.SavedAt);
        Assert.Equal("[\"a\"]", view.AnswersJson["q1"]);
        Assert.Equal("[\"c\"]", view.AnswersJson["q3"]);
        Assert.True(lostArrives.SavedAt >= first.SavedAt);
    }
}
