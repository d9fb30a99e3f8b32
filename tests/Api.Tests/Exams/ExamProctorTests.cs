using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary>The proctor's live roster, announcements and actions, and who may not use them.</summary>
[Collection(ExamApiCollection.Name)]
public sealed class ExamProctorTests(ExamApiHost shared)
{
    private readonly ExamScenario _scenario = new(shared.Host);

    private static DateTimeOffset Opened => DateTimeOffset.UtcNow.AddSeconds(-1);

    private static Func<JsonElement, bool> RowIs(TestUser student, Func<JsonElement, bool> match) => e =>
        e.GetProperty("type").GetString() == "progress.updated"
        && e.GetProperty("data").GetProperty("students").EnumerateArray().Any(s => s.GetProperty("studentId").GetString() == student.UserId && match(s));

    [Fact]
    public async Task The_proctor_sees_the_roster_live_announces_and_force_submits()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student("王同学");
        var absent = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student, absent], Opened));
        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);
        var joined = await proctor.InvokeAsync("Join", examId);
        var rows = joined.GetProperty("snapshot").GetProperty("students").EnumerateArray().ToList();
        Assert.Equal([student.UserId, absent.UserId], rows.Select(r => r.GetProperty("studentId").GetString()));
        Assert.All(rows, r => Assert.Equal("absent", r.GetProperty("status").GetString()));

        await using var candidate = await student.ConnectAsync(ExamScenario.Hub);
        await candidate.InvokeAsync("StartAttempt", examId);
        await proctor.WaitForAsync(RowIs(student, s => s.GetProperty("status").GetString() == "active" && s.GetProperty("name").GetString() == "王同学"));
        await candidate.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));
        await proctor.WaitForAsync(RowIs(student, s => s.GetProperty("answered").GetInt32() == 1));
        await candidate.InvokeAsync("ReportFocus", examId, new { lost = true, at = DateTimeOffset.UtcNow });
        var focus = await proctor.WaitForAsync(RowIs(student, s => s.GetProperty("focusLosses").GetInt32() == 1));
        Assert.Equal(1, focus.GetProperty("data").GetProperty("counts").GetProperty("absent").GetInt32());
        Assert.Equal(1, focus.GetProperty("data").GetProperty("counts").GetProperty("active").GetInt32());

        var announced = await proctor.InvokeAsync("Announce", examId, "第5题题干有误，按“3”作答");
        var heard = await candidate.WaitForTypeAsync("announcement");
        Assert.Equal("第5题题干有误，按“3”作答", heard.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(announced.GetProperty("at").GetDateTimeOffset(), heard.GetProperty("data").GetProperty("at").GetDateTimeOffset());
        Assert.Empty(candidate.EventsOfType("progress.updated"));

        await proctor.InvokeAsync("ForceSubmit", examId, student.UserId);
        var submitted = await candidate.WaitForTypeAsync("attempt.submitted");
        Assert.Equal("proctor", submitted.GetProperty("data").GetProperty("reason").GetString());
        await proctor.WaitForAsync(RowIs(student, s => s.GetProperty("status").GetString() == "submitted"));
        await HubErrors.AssertRefusedAsync("closed", () => candidate.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 2, "q1", "a")));

        var rejoined = await proctor.InvokeAsync("Join", examId);
        var snapshotRow = rejoined.GetProperty("snapshot").GetProperty("students").EnumerateArray().Single(r => r.GetProperty("studentId").GetString() == student.UserId);
        Assert.Equal("submitted", snapshotRow.GetProperty("status").GetString());
        Assert.Equal(1, snapshotRow.GetProperty("focusLosses").GetInt32());
    }

    [Fact]
    public async Task A_paper_collected_with_a_reason_tells_the_student_live_and_again_when_they_reopen_it()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);
        await using (var candidate = await student.ConnectAsync(ExamScenario.Hub))
        {
            var started = await candidate.InvokeAsync("StartAttempt", examId);
            Assert.False(started.TryGetProperty("submitReason", out _));

            await HubErrors.AssertRefusedAsync("invalid_argument", () => proctor.InvokeAsync("ForceSubmit", examId, new { studentId = student.UserId, reason = 7 }));
            await HubErrors.AssertRefusedAsync("too_large", () => proctor.InvokeAsync("ForceSubmit", examId, new { studentId = student.UserId, reason = new string('长', 501) }));
            await HubErrors.AssertRefusedAsync("invalid_argument", () => proctor.InvokeAsync("ForceSubmit", examId, 42));
            Assert.Equal("active", (await candidate.InvokeAsync("StartAttempt", examId)).GetProperty("status").GetString());

            var line = await proctor.InvokeAsync("ForceSubmit", examId, new { studentId = student.UserId, reason = "设备故障，改纸笔作答" });
            Assert.Equal("submitted", line.GetProperty("status").GetString());
            var submitted = (await candidate.WaitForTypeAsync("attempt.submitted")).GetProperty("data");
            Assert.Equal("proctor", submitted.GetProperty("reason").GetString());
            Assert.Equal("设备故障，改纸笔作答", submitted.GetProperty("cause").GetString());
        }

        await using var reopened = await student.ConnectAsync(ExamScenario.Hub);
        var view = await reopened.InvokeAsync("StartAttempt", examId);
        Assert.Equal("submitted", view.GetProperty("status").GetString());
        Assert.Equal("proctor", view.GetProperty("submitReason").GetString());
        Assert.Equal("设备故障，改纸笔作答", view.GetProperty("submitCause").GetString());
        Assert.True(view.GetProperty("submittedAt").GetDateTimeOffset() <= view.GetProperty("serverNow").GetDateTimeOffset());
        var again = await reopened.InvokeAsync("Submit", examId);
        Assert.Equal("设备故障，改纸笔作答", again.GetProperty("cause").GetString());

        using var http = await teacher.HttpAsync();
        var log = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/irregularities");
        var entry = Assert.Single(log.GetProperty("entries").EnumerateArray());
        Assert.Equal(("submit", "设备故障，改纸笔作答"), (entry.GetProperty("kind").GetString(), entry.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_paper_the_student_submitted_says_so_when_reopened()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using (var candidate = await student.ConnectAsync(ExamScenario.Hub))
        {
            await candidate.InvokeAsync("StartAttempt", examId);
            await candidate.InvokeAsync("Submit", examId);
        }

        await using var reopened = await student.ConnectAsync(ExamScenario.Hub);
        var view = await reopened.InvokeAsync("StartAttempt", examId);

        Assert.Equal("student", view.GetProperty("submitReason").GetString());
        Assert.False(view.TryGetProperty("submitCause", out _));
    }

    [Fact]
    public async Task Candidates_do_not_hear_who_else_comes_and_goes()
    {
        var teacher = _scenario.Teacher();
        var first = _scenario.Student();
        var second = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([first, second], Opened));
        await using var firstClient = await first.ConnectAsync(ExamScenario.Hub);
        await firstClient.InvokeAsync("StartAttempt", examId);
        await using (var secondClient = await second.ConnectAsync(ExamScenario.Hub))
        {
            await secondClient.InvokeAsync("StartAttempt", examId);
        }
        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);
        await proctor.InvokeAsync("Join", examId);

        await proctor.InvokeAsync("Announce", examId, "开始答题");
        await firstClient.WaitForTypeAsync("announcement");

        Assert.DoesNotContain(firstClient.EventsOfType("presence.changed"), e => e.GetProperty("data").GetProperty("userId").GetString() != first.UserId);
    }

    [Fact]
    public async Task Students_and_other_teachers_cannot_proctor_but_an_admin_can()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var candidate = await student.ConnectAsync(ExamScenario.Hub);
        await using var colleague = await _scenario.Teacher().ConnectAsync(ExamScenario.Hub);
        await using var admin = await _scenario.Admin().ConnectAsync(ExamScenario.Hub);

        await HubErrors.AssertRefusedAsync("forbidden", () => candidate.InvokeAsync("Announce", examId, "提前交卷"));
        await HubErrors.AssertRefusedAsync("forbidden", () => candidate.InvokeAsync("ForceSubmit", examId, student.UserId));
        await HubErrors.AssertRefusedAsync("forbidden", () => colleague.InvokeAsync("Join", examId));
        await HubErrors.AssertRefusedAsync("forbidden", () => colleague.InvokeAsync("ExtendTime", examId, new { studentId = student.UserId, minutes = 5, cause = "" }));
        var joined = await admin.InvokeAsync("Join", examId);
        Assert.Single(joined.GetProperty("snapshot").GetProperty("students").EnumerateArray());

        using var studentHttp = await student.HttpAsync();
        await ProblemAssert.IsAsync(await studentHttp.GetAsync($"/api/exams/{examId}/results"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await studentHttp.GetAsync($"/api/exams/{examId}"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await studentHttp.PostAsJsonAsync("/api/exams", ExamScenario.Spec([student], Opened)), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Proctor_actions_refuse_unknown_students_and_out_of_range_extensions()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], Opened));
        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);

        await HubErrors.AssertRefusedAsync("not_found", () => proctor.InvokeAsync("ForceSubmit", examId, "nobody"));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => proctor.InvokeAsync("ExtendTime", examId, new { studentId = student.UserId, minutes = 0, cause = "" }));
        await HubErrors.AssertRefusedAsync("conflict", () => proctor.InvokeAsync("ForceSubmit", examId, student.UserId));
        await HubErrors.AssertRefusedAsync("conflict", () => proctor.InvokeAsync("ResumeCandidate", examId, new { studentId = student.UserId, cause = "" }));
        using var http = await teacher.HttpAsync();
        await HubErrors.AssertRefusedAsync("invalid_argument", () => proctor.InvokeAsync("ExtendTime", examId, new { studentId = student.UserId, minutes = 5 }));
        var log = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}/irregularities");
        Assert.Equal(0, log.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_author_edits_publishes_and_announces_and_announcements_are_bounded()
    {
        var teacher = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var student = _scenario.Student();
        var spec = ExamScenario.Spec([student], Opened);
        var draft = await _scenario.CreateAsync(teacher, spec);
        using var colleagueHttp = await colleague.HttpAsync();
        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);

        await ProblemAssert.IsAsync(await colleagueHttp.PutAsJsonAsync($"/api/exams/{draft}", spec), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await colleagueHttp.PostAsync($"/api/exams/{draft}/publish", null), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await colleagueHttp.GetAsync("/api/exams/ex-nosuchexam"), HttpStatusCode.NotFound, "not_found");
        await HubErrors.AssertRefusedAsync("not_open", () => proctor.InvokeAsync("Announce", draft, "还没发布"));

        using var http = await teacher.HttpAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/exams/{draft}/publish", null)).StatusCode);
        await HubErrors.AssertRefusedAsync("invalid_argument", () => proctor.InvokeAsync("Announce", draft, "   "));
        await HubErrors.AssertRefusedAsync("too_large", () => proctor.InvokeAsync("Announce", draft, new string('考', 501)));
        await HubErrors.AssertRefusedAsync("forbidden", () => proctor.InvokeAsync("StartAttempt", draft));

        var joined = await proctor.InvokeAsync("Join", draft);
        Assert.Empty(joined.GetProperty("snapshot").GetProperty("announcements").EnumerateArray());
    }

    [Fact]
    public async Task A_malformed_paper_is_refused_with_the_question_named()
    {
        var teacher = _scenario.Teacher();
        using var http = await teacher.HttpAsync();
        var badKey = new object[] { new { id = "q1", kind = "single", points = 2, stem = "?", options = new[] { new { id = "a", text = "1" }, new { id = "b", text = "2" } }, answer = "z" } };

        var response = await http.PostAsJsonAsync("/api/exams", ExamScenario.Spec([_scenario.Student()], Opened, questions: badKey));

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
        var body = await http.PostAsync("/api/exams", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsAsync(body, HttpStatusCode.BadRequest, "invalid_argument");
    }
}
