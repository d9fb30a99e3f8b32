using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Exams;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.CityDirectory;

/// <summary>PROTOCOL §6: an exam's roster names the directory's classes, resolved at publishing and kept; candidates are named by the directory.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExamRosterFromClassTests(SharedApiHost shared)
{
    private readonly DirectoryScenario _city = new(shared.Host);

    private static readonly DateTimeOffset Opened = DateTimeOffset.UtcNow.AddMinutes(-1);

    private object Spec(string[] roster, string[] classes) => new
    {
        title = "信息技术单元测验",
        subject = "it",
        questions = ExamScenario.Paper(),
        opensAt = Opened,
        durationMinutes = 600,
        lateJoinMinutes = 600,
        roster,
        rosterClasses = classes,
    };

    [Fact]
    public async Task A_class_named_as_the_roster_brings_its_students_with_the_directorys_names_and_is_kept_after_the_class_changes()
    {
        await _city.ImportCityAsync();
        var wang = _city.As("wang", "teacher");
        var exams = new ExamScenario(shared.Host);
        var examId = await exams.PublishedAsync(wang, Spec([_city.Person("s3")], [$"C1-{_city.Tag}"]));

        await using var proctor = await wang.ConnectAsync(ExamScenario.Hub);
        var joined = await proctor.InvokeAsync("Join", examId);
        var rows = joined.GetProperty("snapshot").GetProperty("students").EnumerateArray()
            .Select(r => (r.GetProperty("studentId").GetString(), r.GetProperty("name").GetString())).ToList();
        Assert.Equal([(_city.Person("s3"), "小刚"), (_city.Person("s1"), "小明"), (_city.Person("s2"), "小红")], rows);

        await _city.ImportAsync(new { classes = new[] { new { id = $"C1-{_city.Tag}", schoolCode = _city.School(1), name = "七年级一班", grade = "7", teacherIds = new[] { _city.Person("wang") }, studentIds = new[] { _city.Person("s1") } } } });
        await using var student = await _city.As("s2", "student").ConnectAsync(ExamScenario.Hub);
        await student.InvokeAsync("StartAttempt", examId);
        await proctor.WaitForAsync(e => e.GetProperty("type").GetString() == "progress.updated"
            && e.GetProperty("data").GetProperty("students").EnumerateArray().Any(s => s.GetProperty("studentId").GetString() == _city.Person("s2")
                && s.GetProperty("status").GetString() == "active" && s.GetProperty("name").GetString() == "小红"));
    }

    [Fact]
    public async Task An_unknown_class_refuses_publishing_and_the_exam_stays_a_draft()
    {
        await _city.ImportCityAsync();
        var wang = _city.As("wang", "teacher");
        var exams = new ExamScenario(shared.Host);
        var examId = await exams.CreateAsync(wang, Spec([], [$"C1-{_city.Tag}", $"none-{_city.Tag}"]));
        using var http = await wang.HttpAsync();

        await ProblemAssert.IsAsync(await http.PostAsync($"/api/exams/{examId}/publish", null), HttpStatusCode.NotFound, "not_found");

        var view = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{examId}");
        Assert.Equal("draft", view.GetProperty("status").GetString());
        await using var student = await _city.As("s1", "student").ConnectAsync(ExamScenario.Hub);
        await HubErrors.AssertRefusedAsync("not_open", () => student.InvokeAsync("StartAttempt", examId));
    }

    [Fact]
    public async Task An_exam_with_neither_a_roster_nor_classes_is_refused()
    {
        using var http = await _city.As("wang", "teacher").HttpAsync();
        var response = await http.PostAsJsonAsync("/api/exams", new { title = "t", subject = "it", questions = ExamScenario.Paper(), opensAt = Opened, durationMinutes = 30 });
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
    }
}
