using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>Online marking of short answers (网上评卷), results and their CSV export.</summary>
[Collection(ExamApiCollection.Name)]
public sealed class ExamMarkingTests(ExamApiHost shared)
{
    private readonly ExamScenario _scenario = new(shared.Host);

    private static DateTimeOffset Opened => DateTimeOffset.UtcNow.AddSeconds(-1);

    private static async Task SubmitAsync(TestUser student, string examId, string shortAnswer, string single)
    {
        await using var client = await student.ConnectAsync(ExamScenario.Hub);
        await client.InvokeAsync("StartAttempt", examId);
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q5", shortAnswer));
        await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q1", single));
        await client.InvokeAsync("Submit", examId);
    }

    private static async Task<JsonElement?> NextAsync(HttpClient http, string examId)
    {
        var response = await http.GetAsync($"/api/exams/{examId}/marking/next?questionId=q5");
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient http, string examId, string attemptRef, decimal points) =>
        http.PostAsJsonAsync($"/api/exams/{examId}/marks", new { attemptRef, questionId = "q5", points });

    [Fact]
    public async Task Short_answers_are_marked_anonymously_and_the_results_and_csv_count_the_marks()
    {
        var teacher = _scenario.Teacher();
        var first = _scenario.Student("张三");
        var second = _scenario.Student("李四");
        var absent = _scenario.Student("王五");
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([first, second, absent], Opened));
        await SubmitAsync(first, examId, "光合作用把光能转化为化学能", "b");
        await SubmitAsync(second, examId, "不知道", "a");
        using var http = await teacher.HttpAsync();

        var marks = new Dictionary<string, decimal> { ["光合作用把光能转化为化学能"] = 7.5m, ["不知道"] = 1m };
        for (var i = 0; i < 2; i++)
        {
            var task = (await NextAsync(http, examId))!.Value;
            var raw = task.GetRawText();
            Assert.DoesNotContain(first.UserId, raw);
            Assert.DoesNotContain(second.UserId, raw);
            Assert.DoesNotContain("张三", raw);
            Assert.Equal("光能转化为化学能", task.GetProperty("reference").GetString());
            Assert.Equal(8m, task.GetProperty("maxPoints").GetDecimal());
            var attemptRef = task.GetProperty("attemptRef").GetString()!;
            await ProblemAssert.IsAsync(await MarkAsync(http, examId, attemptRef, 9), HttpStatusCode.BadRequest, "invalid_argument");
            var recorded = await (await MarkAsync(http, examId, attemptRef, marks[task.GetProperty("answer").GetString()!])).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(marks[task.GetProperty("answer").GetString()!], recorded.GetProperty("final").GetDecimal());
            await ProblemAssert.IsAsync(await MarkAsync(http, examId, attemptRef, 2), HttpStatusCode.Conflict, "conflict");
        }
        Assert.Null(await NextAsync(http, examId));

        var results = await ExamScenario.ResultsAsync(teacher, examId);
        var top = ExamScenario.StudentRow(results, first);
        Assert.Equal(9.5m, top.GetProperty("score").GetDecimal());
        Assert.Equal(0, top.GetProperty("pendingMarking").GetInt32());
        Assert.Equal(7.5m, top.GetProperty("perQuestion").GetProperty("q5").GetDecimal());
        Assert.Equal(1m, ExamScenario.StudentRow(results, second).GetProperty("score").GetDecimal());
        Assert.Equal("absent", ExamScenario.StudentRow(results, absent).GetProperty("status").GetString());
        var stats = results.GetProperty("stats");
        Assert.Equal(5.25m, stats.GetProperty("mean").GetDecimal());
        Assert.Equal(0.5m, stats.GetProperty("perQuestionCorrectRate").GetProperty("q1").GetDecimal());

        using var firstHttp = await first.HttpAsync();
        await ProblemAssert.IsAsync(await firstHttp.GetAsync($"/api/exams/{examId}/my-result"), HttpStatusCode.Conflict, "not_open");
        await ProblemAssert.IsAsync(await http.PostAsync($"/api/exams/{examId}/results/publish", null), HttpStatusCode.Conflict, "conflict");

        var csv = await http.GetStringAsync($"/api/exams/{examId}/results.csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("studentId,name,status,score,maxScore,pendingMarking,q1,q2,q3,q4,q5", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains($"{first.UserId},张三,submitted,9.5,20,0,2,0,0,0,7.5", lines);
        // Names come from the students' own tokens when they start; an absent student is known by id alone.
        Assert.StartsWith($"{absent.UserId},{absent.UserId},absent,0,20,0", lines.Single(l => l.StartsWith(absent.UserId)));
    }

    [Fact]
    public async Task Published_results_show_each_student_their_own_line_only()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student("赵六");
        var outsider = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await SubmitAsync(student, examId, "答案", "b");
        using var http = await teacher.HttpAsync();
        var task = (await NextAsync(http, examId))!.Value;
        await MarkAsync(http, examId, task.GetProperty("attemptRef").GetString()!, 5);

        var published = await http.PostAsync($"/api/exams/{examId}/results/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("results_published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var studentHttp = await student.HttpAsync();
        var mine = await studentHttp.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/my-result");
        Assert.Equal(student.UserId, mine.GetProperty("studentId").GetString());
        Assert.Equal(7m, mine.GetProperty("score").GetDecimal());
        Assert.Equal(0, mine.GetProperty("pendingMarking").GetInt32());
        using var outsiderHttp = await outsider.HttpAsync();
        await ProblemAssert.IsAsync(await outsiderHttp.GetAsync($"/api/exams/{examId}/my-result"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Double_marking_averages_close_marks_and_sends_far_apart_ones_to_a_third_marker()
    {
        var teacher = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var admin = _scenario.Admin();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened,
            marking: new { mode = "double", tolerance = 1 }, markers: [colleague.UserId]));
        await SubmitAsync(student, examId, "叶绿体", "b");
        using var first = await teacher.HttpAsync();
        using var second = await colleague.HttpAsync();
        using var third = await admin.HttpAsync();

        var attemptRef = (await NextAsync(first, examId))!.Value.GetProperty("attemptRef").GetString()!;
        var one = await (await MarkAsync(first, examId, attemptRef, 4)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, one.GetProperty("final").ValueKind);
        Assert.Null(await NextAsync(first, examId));
        Assert.Equal(attemptRef, (await NextAsync(second, examId))!.Value.GetProperty("attemptRef").GetString());
        var two = await (await MarkAsync(second, examId, attemptRef, 7)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, two.GetProperty("final").ValueKind);
        Assert.Equal(attemptRef, (await NextAsync(third, examId))!.Value.GetProperty("attemptRef").GetString());
        var three = await (await MarkAsync(third, examId, attemptRef, 6)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(6.5m, three.GetProperty("final").GetDecimal());
        Assert.Equal(8.5m, ExamScenario.StudentRow(await ExamScenario.ResultsAsync(teacher, examId), student).GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Double_marking_keeps_a_dispute_from_its_own_markers_and_a_mark_needs_the_answer_taken_first()
    {
        var teacher = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var another = _scenario.Teacher();
        var admin = _scenario.Admin();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened,
            marking: new { mode = "double", tolerance = 1 }, markers: [colleague.UserId, another.UserId]));
        await SubmitAsync(student, examId, "叶绿体", "b");
        using var first = await teacher.HttpAsync();
        using var second = await colleague.HttpAsync();
        using var third = await another.HttpAsync();
        using var arbiter = await admin.HttpAsync();

        var attemptRef = (await NextAsync(first, examId))!.Value.GetProperty("attemptRef").GetString()!;
        await ProblemAssert.IsAsync(await MarkAsync(second, examId, attemptRef, 8), HttpStatusCode.Conflict, "conflict");
        await MarkAsync(first, examId, attemptRef, 1);
        Assert.Equal(attemptRef, (await NextAsync(second, examId))!.Value.GetProperty("attemptRef").GetString());
        await MarkAsync(second, examId, attemptRef, 8);

        await ProblemAssert.IsAsync(await MarkAsync(first, examId, attemptRef, 8), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await MarkAsync(second, examId, attemptRef, 1), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(attemptRef, (await NextAsync(third, examId))!.Value.GetProperty("attemptRef").GetString());
        await MarkAsync(third, examId, attemptRef, 4.5m);
        foreach (var marker in new[] { first, second, third })
        {
            Assert.Null(await NextAsync(marker, examId));
            await ProblemAssert.IsAsync(await MarkAsync(marker, examId, attemptRef, 5), HttpStatusCode.Forbidden, "forbidden");
        }
        Assert.True((await NextAsync(arbiter, examId))!.Value.GetProperty("arbitration").GetBoolean());
        var settled = await (await MarkAsync(arbiter, examId, attemptRef, 6)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(6m, settled.GetProperty("final").GetDecimal());
    }

    [Fact]
    public async Task Students_cannot_mark_and_objective_questions_are_not_marked()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        using var studentHttp = await student.HttpAsync();
        using var teacherHttp = await teacher.HttpAsync();

        await ProblemAssert.IsAsync(await studentHttp.GetAsync($"/api/exams/{examId}/marking/next?questionId=q5"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await teacherHttp.GetAsync($"/api/exams/{examId}/marking/next?questionId=q1"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await teacherHttp.GetAsync($"/api/exams/{examId}/marking/next"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await MarkAsync(teacherHttp, examId, "r-unknown", 1), HttpStatusCode.NotFound, "not_found");
    }
}
