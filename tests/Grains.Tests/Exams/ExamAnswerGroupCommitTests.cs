using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Exams;

/// <summary>
/// Answers are rows in the answer table, written by the silo's group commit: saves of many attempts that arrive while
/// a write is under way go out together in the next one, each acknowledged only once it is durable; a failed write
/// fails every save in it and leaves the attempts' answers as they were; a resend is answered, never applied twice,
/// also after the attempt reactivated from the table.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamAnswerGroupCommitTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Caller Author = new("t-commit", "老师", Roles.Teacher, "s-1", "c-1");

    private static Caller Student(int i) => new($"s-commit-{i}", $"学生{i}", Roles.Student, "s-1", "c-1");

    /// <summary>An open exam of two single-choice questions (right answer "a"), every student of the roster started.</summary>
    private async Task<(string ExamId, IExamAttemptGrain[] Attempts)> StartedAsync(int students)
    {
        var examId = $"ex-{Guid.NewGuid():N}";
        var exam = fixture.Grains.GetGrain<IExamGrain>(examId);
        await exam.CreateAsync(Author, JsonSerializer.Serialize(new
        {
            title = "批量保存",
            subject = "it",
            opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            durationMinutes = 40,
            lateJoinMinutes = 10,
            roster = Enumerable.Range(0, students).Select(i => Student(i).UserId),
            questions = new[] { "q1", "q2" }.Select(id => new
            {
                id,
                kind = "single",
                points = 5,
                stem = id,
                options = new[] { new { id = "a", text = "A" }, new { id = "b", text = "B" } },
                answer = "a",
            }),
        }));
        await exam.PublishAsync(Author);
        var attempts = Enumerable.Range(0, students)
            .Select(i => fixture.Grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(examId, Student(i).UserId))).ToArray();
        for (var i = 0; i < students; i++)
        {
            await attempts[i].StartAsync(Student(i));
        }
        return (examId, attempts);
    }

    private static Task<AnswerSaved> Save(IExamAttemptGrain[] attempts, int student, long clientSeq, string question, string choice) =>
        attempts[student].SaveAnswerAsync(Student(student), new CommandId($"tab-{student}", clientSeq), question, $"\"{choice}\"");

    [Fact]
    public async Task Saves_of_many_attempts_arriving_during_a_write_go_out_together_and_are_acknowledged_only_after_it()
    {
        using var waited = new MeasuredCount(ExamAnswerMetrics.SavesWaitedName);
        var (examId, attempts) = await StartedAsync(5);
        var firstWrite = fixture.ExamAnswers.HoldNextWrite(examId);
        var secondWrite = fixture.ExamAnswers.HoldNextWrite(examId);

        var first = Save(attempts, 0, 1, "q1", "a");
        Assert.Equal([Student(0).UserId], (await firstWrite.Arrived.WaitAsync(Patience)).Select(r => r.StudentId));
        // Counted from here: the first save may itself have joined the end of an earlier test's last write.
        var before = waited.Count;
        var others = Enumerable.Range(1, 4).Select(i => Save(attempts, i, 1, "q2", "b")).ToList();
        await waited.ReachAsync(before + 4, Patience);
        Assert.False(first.IsCompleted);
        Assert.All(others, save => Assert.False(save.IsCompleted));

        firstWrite.Release();
        await first.WaitAsync(Patience);
        var batch = await secondWrite.Arrived.WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => Student(i).UserId).Order(), batch.Select(r => r.StudentId).Order());
        Assert.All(batch, row => Assert.Equal(("q2", 1L), (row.QuestionId, row.ClientSeq)));
        Assert.All(others, save => Assert.False(save.IsCompleted));

        secondWrite.Release();
        var acknowledged = await Task.WhenAll(others).WaitAsync(Patience);
        Assert.Equal([1, 4], fixture.ExamAnswers.WriteSizes(examId));
        for (var i = 1; i < 5; i++)
        {
            var row = fixture.ExamAnswers.Rows(examId, Student(i).UserId)["q2"];
            Assert.Equal(acknowledged[i - 1].SavedAt, row.SavedAt);
            Assert.Equal("\"b\"", (await attempts[i].StartAsync(Student(i))).AnswersJson["q2"]);
        }
    }

    [Fact]
    public async Task A_failed_write_fails_every_save_in_it_and_leaves_the_answers_as_they_were()
    {
        using var waited = new MeasuredCount(ExamAnswerMetrics.SavesWaitedName);
        var (examId, attempts) = await StartedAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Save(attempts, i, 1, "q1", "a");
        }
        var firstWrite = fixture.ExamAnswers.HoldNextWrite(examId);
        var doomed = fixture.ExamAnswers.HoldNextWrite(examId);

        var kept = Save(attempts, 0, 2, "q1", "b");
        await firstWrite.Arrived.WaitAsync(Patience);
        var before = waited.Count;
        var lost = new[] { Save(attempts, 1, 2, "q1", "b"), Save(attempts, 2, 2, "q2", "b") };
        await waited.ReachAsync(before + 2, Patience);
        firstWrite.Release();
        await kept.WaitAsync(Patience);
        Assert.Equal(2, (await doomed.Arrived.WaitAsync(Patience)).Count);
        doomed.Fail();

        foreach (var save in lost)
        {
            var error = await Assert.ThrowsAsync<CollabException>(() => save.WaitAsync(Patience));
            Assert.Equal(ErrorCodes.Unavailable, error.Code);
        }
        var stored = JsonDocument.Parse(fixture.ExamAnswers.Rows(examId, Student(1).UserId)["q1"].AnswerJson).RootElement;
        Assert.Equal("a", stored.GetProperty("choice").GetString());
        Assert.False(fixture.ExamAnswers.Rows(examId, Student(2).UserId).ContainsKey("q2"));
        // Neither attempt shows, counts or grades what was never acknowledged.
        var views = new[] { await attempts[1].StartAsync(Student(1)), await attempts[2].StartAsync(Student(2)) };
        Assert.Equal("\"a\"", views[0].AnswersJson["q1"]);
        Assert.False(views[1].AnswersJson.ContainsKey("q2"));
        Assert.Equal(1, (await attempts[2].GetProgressAsync()).Answered);
        await attempts[2].SubmitAsync(Student(2));
        Assert.Equal(5m, (await attempts[2].GetResultAsync()).Score);

        // The client resends what was never acknowledged; now it lands.
        await Save(attempts, 1, 2, "q1", "b");
        Assert.Equal("\"b\"", (await attempts[1].StartAsync(Student(1))).AnswersJson["q1"]);
    }

    [Fact]
    public async Task A_resend_is_answered_with_the_first_result_and_not_applied_again_also_after_reactivation()
    {
        var (examId, attempts) = await StartedAsync(1);
        await Save(attempts, 0, 1, "q1", "a");
        var q2 = await Save(attempts, 0, 2, "q2", "b");
        var secondQ1 = await Save(attempts, 0, 3, "q1", "b");

        await fixture.DeactivateAllAsync();
        var writes = fixture.ExamAnswers.WriteSizes(examId).Count;
        // The latest save of each question is in the table with its command: its resend gets the very first answer.
        Assert.Equal(q2, await Save(attempts, 0, 2, "q2", "b"));
        Assert.Equal(secondQ1, await Save(attempts, 0, 3, "q1", "b"));
        // An older save of q1, overwritten since by the same client: answered, and the newer answer stays.
        var stale = await Save(attempts, 0, 1, "q1", "a");
        Assert.Equal(secondQ1.SavedAt, stale.SavedAt);
        Assert.Equal(writes, fixture.ExamAnswers.WriteSizes(examId).Count);
        var view = await attempts[0].StartAsync(Student(0));
        Assert.Equal("\"b\"", view.AnswersJson["q1"]);
        Assert.Equal("\"b\"", view.AnswersJson["q2"]);
        Assert.Equal(2, (await attempts[0].GetProgressAsync()).Answered);
    }

    [Fact]
    public async Task A_late_resend_after_reactivation_does_not_replace_the_answer_another_tab_saved_since()
    {
        var (examId, attempts) = await StartedAsync(1);
        var fromTab1 = await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab-1", 7), "q1", "\"a\"");
        await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab-2", 1), "q1", "\"b\"");

        await fixture.DeactivateAllAsync();
        var writes = fixture.ExamAnswers.WriteSizes(examId).Count;
        // Tab 1 never saw its acknowledgement and sends the same command again.
        Assert.Equal(fromTab1, await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab-1", 7), "q1", "\"a\""));

        Assert.Equal(writes, fixture.ExamAnswers.WriteSizes(examId).Count);
        Assert.Equal("\"b\"", (await attempts[0].StartAsync(Student(0))).AnswersJson["q1"]);
        await fixture.DeactivateAllAsync();
        Assert.Equal("\"b\"", (await attempts[0].StartAsync(Student(0))).AnswersJson["q1"]);
    }

    [Fact]
    public async Task A_cleared_answer_is_gone_after_reactivation_and_grading_reads_the_table()
    {
        var (examId, attempts) = await StartedAsync(1);
        await Save(attempts, 0, 1, "q1", "a");
        await Save(attempts, 0, 2, "q2", "a");
        await attempts[0].SaveAnswerAsync(Student(0), new CommandId("tab-0", 3), "q2", "null");

        await fixture.DeactivateAllAsync();
        var view = await attempts[0].StartAsync(Student(0));
        Assert.Equal(["q1"], view.AnswersJson.Keys);
        Assert.Equal(3L, fixture.ExamAnswers.Rows(examId, Student(0).UserId)["q2"].ClientSeq);
        await fixture.DeactivateAllAsync();
        await attempts[0].SubmitAsync(Student(0));
        var result = await attempts[0].GetResultAsync();
        Assert.Equal(5m, result.Score);
        Assert.Equal(0m, result.PerQuestion["q2"]);
    }

    [Fact]
    public async Task Answers_kept_in_an_older_attempt_state_move_to_the_table_once_and_a_newer_row_wins()
    {
        var (examId, attempts) = await StartedAsync(1);
        await Save(attempts, 0, 1, "q1", "b");
        await fixture.DeactivateAllAsync();
        // As the previous version left an attempt: q2 answered in the grain state, and no row for it.
        var before = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        fixture.Storage.Edit<AttemptState>("examattempt", attempts[0].GetGrainId(), state =>
        {
            state.Answers["q2"] = new SavedAnswer(new StudentAnswer(Choice: "a"), before);
            state.Answers["q1"] = new SavedAnswer(new StudentAnswer(Choice: "a"), before);
        });

        var view = await attempts[0].StartAsync(Student(0));
        Assert.Equal("\"a\"", view.AnswersJson["q2"]);
        // The row saved since is newer than the state's copy, and wins.
        Assert.Equal("\"b\"", view.AnswersJson["q1"]);
        var rows = fixture.ExamAnswers.Rows(examId, Student(0).UserId);
        Assert.Equal(before, rows["q2"].SavedAt);
        Assert.Equal(1L, rows["q1"].ClientSeq);
        fixture.Storage.Edit<AttemptState>("examattempt", attempts[0].GetGrainId(), state => Assert.Empty(state.Answers));
    }
}
