using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>A student takes an exam through the real hub: start, save, resume, submit, and every refusal (the deadline: <see cref="ExamClockTests"/>).</summary>
[Collection(ExamApiCollection.Name)]
public sealed class ExamTakingTests(ExamApiHost shared)
{
    private readonly ExamScenario _scenario = new(shared.Host);

    private static DateTimeOffset Opened => DateTimeOffset.UtcNow.AddSeconds(-1);

    [Fact]
    public async Task A_student_starts_answers_every_kind_resumes_and_submits_and_is_graded()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student("李同学");
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));

        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        var started = await client.InvokeAsync("StartAttempt", examId);
        Assert.Equal("active", started.GetProperty("status").GetString());
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], started.GetProperty("paper").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        var deadline = started.GetProperty("deadline").GetDateTimeOffset();
        var serverNow = started.GetProperty("serverNow").GetDateTimeOffset();
        Assert.InRange(deadline - serverNow, TimeSpan.FromMinutes(600) - TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(600));
        Assert.Equal(2, started.GetProperty("paper")[3].GetProperty("blanks").GetInt32());

        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q2", new[] { "a" }));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 3, "q3", false));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 4, "q4", new[] { " 三 ", "91" }));
        var saved = await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 5, "q5", "叶绿体把光能变成化学能"));
        Assert.True(saved.GetProperty("savedAt").GetDateTimeOffset() >= serverNow);

        await using var again = await student.ConnectAsync(ExamScenario.Hub);
        var resumed = await again.InvokeAsync("StartAttempt", examId);
        Assert.True(deadline == resumed.GetProperty("deadline").GetDateTimeOffset(), started.GetRawText() + "\n" + resumed.GetRawText());
        var answers = resumed.GetProperty("answers");
        Assert.Equal("b", answers.GetProperty("q1").GetString());
        Assert.Equal(["a"], answers.GetProperty("q2").EnumerateArray().Select(a => a.GetString()));
        Assert.False(answers.GetProperty("q3").GetBoolean());
        Assert.Equal([" 三 ", "91"], answers.GetProperty("q4").EnumerateArray().Select(a => a.GetString()));

        var submitted = await again.InvokeAsync("Submit", examId);
        Assert.Equal("student", submitted.GetProperty("reason").GetString());
        var resubmitted = await again.InvokeAsync("Submit", examId);
        Assert.Equal(submitted.GetProperty("submittedAt").GetDateTimeOffset(), resubmitted.GetProperty("submittedAt").GetDateTimeOffset());
        await again.WaitForTypeAsync("attempt.submitted", d => d.GetProperty("reason").GetString() == "student");

        var row = ExamScenario.StudentRow(await ExamScenario.ResultsAsync(teacher, examId), student);
        Assert.Equal("submitted", row.GetProperty("status").GetString());
        Assert.Equal("李同学", row.GetProperty("name").GetString());
        var perQuestion = row.GetProperty("perQuestion");
        Assert.Equal(2m, perQuestion.GetProperty("q1").GetDecimal());
        Assert.Equal(2m, perQuestion.GetProperty("q2").GetDecimal());
        Assert.Equal(0m, perQuestion.GetProperty("q3").GetDecimal());
        Assert.Equal(2m, perQuestion.GetProperty("q4").GetDecimal());
        Assert.Equal(6m, row.GetProperty("score").GetDecimal());
        Assert.Equal(20m, row.GetProperty("maxScore").GetDecimal());
        Assert.Equal(1, row.GetProperty("pendingMarking").GetInt32());
    }

    [Fact]
    public async Task Nothing_a_student_receives_carries_a_key_or_a_reference()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);

        var started = await client.InvokeAsync("StartAttempt", examId);
        var joined = await client.InvokeAsync("Join", examId);

        foreach (var text in new[] { started.GetRawText(), joined.GetRawText() })
        {
            Assert.DoesNotContain("\"answer\"", text);
            Assert.DoesNotContain("\"reference\"", text);
            Assert.DoesNotContain("partialPoints", text);
            Assert.DoesNotContain("光能转化为化学能", text);
            Assert.DoesNotContain("students", text);
        }
    }

    [Fact]
    public async Task A_resent_save_returns_its_first_result_and_changes_nothing()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await client.InvokeAsync("StartAttempt", examId);

        var first = await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("device-1", 7, "q1", "b"));
        var resent = await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("device-1", 7, "q1", "c"));

        Assert.Equal(first.GetProperty("savedAt").GetDateTimeOffset(), resent.GetProperty("savedAt").GetDateTimeOffset());
        var resumed = await client.InvokeAsync("StartAttempt", examId);
        Assert.Equal("b", resumed.GetProperty("answers").GetProperty("q1").GetString());
    }

    [Fact]
    public async Task A_null_answer_clears_a_saved_one()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await client.InvokeAsync("StartAttempt", examId);

        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q3", true));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q3", null));

        var resumed = await client.InvokeAsync("StartAttempt", examId);
        Assert.False(resumed.GetProperty("answers").TryGetProperty("q3", out _));
    }

    [Fact]
    public async Task Shuffled_papers_are_stable_for_a_student_and_differ_between_students()
    {
        var teacher = _scenario.Teacher();
        var students = Enumerable.Range(0, 6).Select(_ => _scenario.Student()).ToList();
        var questions = Enumerable.Range(1, 12).Select(i => (object)new
        {
            id = $"q{i}",
            kind = "single",
            points = 1,
            stem = $"第{i}题",
            options = new[] { new { id = "a", text = "A" }, new { id = "b", text = "B" }, new { id = "c", text = "C" }, new { id = "d", text = "D" } },
            answer = "a",
        }).ToArray();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec(students, Opened, shuffle: true, questions: questions));

        var orders = new List<string>();
        foreach (var student in students)
        {
            await using var client = await student.ConnectAsync(ExamScenario.Hub);
            var first = Order(await client.InvokeAsync("StartAttempt", examId));
            var again = Order(await client.InvokeAsync("StartAttempt", examId));
            Assert.Equal(first, again);
            orders.Add(first);
        }
        Assert.True(orders.Distinct().Count() > 1, "six students all got the same shuffled order");

        static string Order(JsonElement started) => string.Join(",", started.GetProperty("paper").EnumerateArray()
            .Select(q => q.GetProperty("id").GetString() + ":" + string.Concat(q.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()))));
    }

    [Fact]
    public async Task A_student_off_the_roster_is_forbidden()
    {
        var teacher = _scenario.Teacher();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([_scenario.Student()], Opened));
        await using var stranger = await _scenario.Student().ConnectAsync(ExamScenario.Hub);

        await HubErrors.AssertRefusedAsync("forbidden", () => stranger.InvokeAsync("StartAttempt", examId));
        await HubErrors.AssertRefusedAsync("forbidden", () => stranger.InvokeAsync("Join", examId));
        await HubErrors.AssertRefusedAsync("not_open", () => stranger.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b")));
    }

    [Fact]
    public async Task An_exam_that_was_never_created_is_not_found_not_unopened()
    {
        var unknown = $"ex-{Guid.NewGuid():N}";
        await using var client = await _scenario.Student().ConnectAsync(ExamScenario.Hub);

        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("Join", unknown));
        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("StartAttempt", unknown));
        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("SaveAnswer", unknown, ExamScenario.Answer("tab", 1, "q1", "b")));
        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("Submit", unknown));
        using var http = await _scenario.Teacher().HttpAsync();
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/exams/{unknown}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/exams/{unknown}/results"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Starting_before_the_opening_is_not_open()
    {
        var teacher = _scenario.Teacher();
        var early = _scenario.Student();
        var future = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([early], DateTimeOffset.UtcNow.AddHours(1)));
        await using var client = await early.ConnectAsync(ExamScenario.Hub);

        await HubErrors.AssertRefusedAsync("not_open", () => client.InvokeAsync("StartAttempt", future));
    }

    [Fact]
    public async Task Answers_of_the_wrong_shape_or_to_unknown_questions_are_refused_and_change_nothing()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await client.InvokeAsync("StartAttempt", examId);
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));

        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q1", "z")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 3, "q1", new[] { "a" })));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 4, "q3", "yes")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 5, "q4", new[] { "3" })));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 6, "q9", "b")));
        await HubErrors.AssertRefusedAsync("too_large", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 7, "q5", new string('字', 10_001))));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("", 8, "q1", "a")));

        var resumed = await client.InvokeAsync("StartAttempt", examId);
        Assert.Equal("b", resumed.GetProperty("answers").GetProperty("q1").GetString());
        Assert.Single(resumed.GetProperty("answers").EnumerateObject());
    }

    [Fact]
    public async Task After_submitting_answers_are_closed()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await client.InvokeAsync("StartAttempt", examId);
        await client.InvokeAsync("Submit", examId);

        await HubErrors.AssertRefusedAsync("closed", () => client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b")));
        var again = await client.InvokeAsync("StartAttempt", examId);
        Assert.Equal("submitted", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_exam_cannot_be_started_and_a_published_one_cannot_be_edited()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var spec = ExamScenario.Spec([student], Opened);
        var draft = await _scenario.CreateAsync(teacher, spec);
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await HubErrors.AssertRefusedAsync("not_open", () => client.InvokeAsync("StartAttempt", draft));

        using var http = await teacher.HttpAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync($"/api/exams/{draft}", spec)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/exams/{draft}/publish", null)).StatusCode);
        await ProblemAssert.IsAsync(await http.PutAsJsonAsync($"/api/exams/{draft}", spec), HttpStatusCode.Conflict, "conflict");
    }
}
