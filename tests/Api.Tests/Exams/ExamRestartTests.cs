using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>The embedded default keeps a running exam across a restart: paper, order, answers of every kind, deadline.</summary>
public sealed class ExamRestartTests
{
    private static string Order(JsonElement started) => string.Join(",", started.GetProperty("paper").EnumerateArray()
        .Select(q => q.GetProperty("id").GetString() + ":" + string.Concat(q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()))));

    [Fact]
    public async Task A_running_attempt_resumes_after_a_restart_with_its_order_answers_and_deadline_and_grades_right()
    {
        using var folder = new DataFolder();
        string examId, order;
        DateTimeOffset deadline;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        var scenario = new ExamScenario(host);
        var teacher = scenario.Teacher();
        var student = scenario.Student();
        try
        {
            examId = await scenario.PublishedAsync(teacher, ExamScenario.Spec([student], DateTimeOffset.UtcNow.AddSeconds(-1), durationMinutes: 90, lateJoinMinutes: 15, shuffle: true));
            await using var client = await student.ConnectAsync(ExamScenario.Hub);
            var started = await client.InvokeAsync("StartAttempt", examId);
            order = Order(started);
            deadline = started.GetProperty("deadline").GetDateTimeOffset();
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q2", new[] { "c", "a" }));
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 3, "q3", true));
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 4, "q4", new[] { "３", "90°" }));
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 5, "q5", "光合作用"));
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            var sameStudent = restarted.User(student.UserId, "student");
            await using var client = await sameStudent.ConnectAsync(ExamScenario.Hub);
            var resumed = await client.InvokeAsync("StartAttempt", examId);
            Assert.Equal(order, Order(resumed));
            Assert.Equal(deadline, resumed.GetProperty("deadline").GetDateTimeOffset());
            var answers = resumed.GetProperty("answers");
            Assert.Equal(["c", "a"], answers.GetProperty("q2").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(["３", "90°"], answers.GetProperty("q4").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal("光合作用", answers.GetProperty("q5").GetString());

            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "a"));
            Assert.Equal("b", (await client.InvokeAsync("StartAttempt", examId)).GetProperty("answers").GetProperty("q1").GetString());
            await client.InvokeAsync("Submit", examId);

            var sameTeacher = restarted.User(teacher.UserId, "teacher");
            var row = ExamScenario.StudentRow(await ExamScenario.ResultsAsync(sameTeacher, examId), sameStudent);
            Assert.Equal(12m, row.GetProperty("score").GetDecimal());
            Assert.Equal(1, row.GetProperty("pendingMarking").GetInt32());
        }
        finally
        {
            await restarted.StopAsync();
        }
    }

    [Fact]
    public async Task A_late_resend_from_one_tab_after_a_restart_does_not_replace_what_another_tab_saved_since()
    {
        using var folder = new DataFolder();
        string examId;
        JsonElement first;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        var scenario = new ExamScenario(host);
        var student = scenario.Student();
        try
        {
            examId = await scenario.PublishedAsync(scenario.Teacher(), ExamScenario.Spec([student], DateTimeOffset.UtcNow.AddSeconds(-1)));
            await using var tab1 = await student.ConnectAsync(ExamScenario.Hub);
            await using var tab2 = await student.ConnectAsync(ExamScenario.Hub);
            await tab1.InvokeAsync("StartAttempt", examId);
            first = await tab1.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab-1", 4, "q1", "a"));
            await tab2.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab-2", 1, "q1", "b"));
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            await using var tab1 = await restarted.User(student.UserId, "student").ConnectAsync(ExamScenario.Hub);
            var resent = await tab1.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab-1", 4, "q1", "a"));
            Assert.Equal(first.GetProperty("savedAt").GetDateTimeOffset(), resent.GetProperty("savedAt").GetDateTimeOffset());
            Assert.Equal("b", (await tab1.InvokeAsync("StartAttempt", examId)).GetProperty("answers").GetProperty("q1").GetString());
        }
        finally
        {
            await restarted.StopAsync();
        }
    }
}
