using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Exams;

/// <summary><c>GET /api/me/exams</c>: an author's own exams, newest first, and nobody else's; a student's published exams to sit.</summary>
[Collection(ExamApiCollection.Name)]
public sealed class ExamListTests(ExamApiHost shared)
{
    private readonly ExamScenario _scenario = new(shared.Host);

    private static async Task<List<JsonElement>> MyExamsAsync(TestUser user)
    {
        using var http = await user.HttpAsync();
        return (await http.GetFromJsonAsync<JsonElement>("/api/me/exams")).EnumerateArray().ToList();
    }

    [Fact]
    public async Task An_author_lists_their_exams_newest_first_with_status_and_sizes()
    {
        var teacher = _scenario.Teacher();
        var students = new[] { _scenario.Student(), _scenario.Student() };
        var opensAt = DateTimeOffset.UtcNow.AddHours(1);
        Assert.Empty(await MyExamsAsync(teacher));

        var first = await _scenario.PublishedAsync(teacher, ExamScenario.Spec(students, opensAt));
        var second = await _scenario.CreateAsync(teacher, ExamScenario.Spec(students[..1], opensAt, questions: ExamScenario.Paper()[..2]));

        var listed = await MyExamsAsync(teacher);
        Assert.Equal([second, first], listed.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("draft", listed[0].GetProperty("status").GetString());
        Assert.Equal(2, listed[0].GetProperty("questions").GetInt32());
        Assert.Equal(1, listed[0].GetProperty("candidates").GetInt32());
        Assert.Equal("published", listed[1].GetProperty("status").GetString());
        Assert.Equal("信息技术期末考试", listed[1].GetProperty("title").GetString());
        Assert.Equal(5, listed[1].GetProperty("questions").GetInt32());
        Assert.Equal(2, listed[1].GetProperty("candidates").GetInt32());
        Assert.Equal(opensAt, listed[1].GetProperty("opensAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(600, listed[1].GetProperty("durationMinutes").GetInt32());
    }

    [Fact]
    public async Task An_exam_past_its_opening_is_listed_open_and_once_everyone_submitted_closed()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var examId = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Equal("open", (await MyExamsAsync(teacher)).Single().GetProperty("status").GetString());

        await using var proctor = await teacher.ConnectAsync(ExamScenario.Hub);
        await proctor.InvokeAsync("Join", examId);
        await using (var candidate = await student.ConnectAsync(ExamScenario.Hub))
        {
            await candidate.InvokeAsync("StartAttempt", examId);
            await candidate.InvokeAsync("Submit", examId);
        }
        // The exam knows of the submission once its roster line says so; the list reads the same status.
        await proctor.WaitForAsync(e => e.GetProperty("type").GetString() == "progress.updated"
            && e.GetProperty("data").GetProperty("counts").GetProperty("submitted").GetInt32() == 1);
        Assert.Equal("closed", (await MyExamsAsync(teacher)).Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_teacher_sees_none_of_them_a_student_none_unpublished_and_a_stranger_is_refused()
    {
        var author = _scenario.Teacher();
        var other = _scenario.Teacher();
        var student = _scenario.Student();
        await _scenario.CreateAsync(author, ExamScenario.Spec([student], DateTimeOffset.UtcNow.AddHours(1)));

        Assert.Empty(await MyExamsAsync(other));
        Assert.Empty(await MyExamsAsync(student));

        using var anonymous = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/exams")).StatusCode);
    }

    [Fact]
    public async Task A_student_lists_the_published_exams_they_sit_open_first_then_the_next_to_open_without_the_paper()
    {
        var teacher = _scenario.Teacher();
        var student = _scenario.Student();
        var classmate = _scenario.Student();
        var now = DateTimeOffset.UtcNow;
        var later = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student, classmate], now.AddDays(2)));
        var open = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], now.AddSeconds(-1), durationMinutes: 60, lateJoinMinutes: 15));
        var sooner = await _scenario.PublishedAsync(teacher, ExamScenario.Spec([student], now.AddDays(1)));
        await _scenario.PublishedAsync(teacher, ExamScenario.Spec([classmate], now.AddHours(3)));
        await _scenario.CreateAsync(teacher, ExamScenario.Spec([student], now.AddHours(2)));

        var listed = await MyExamsAsync(student);

        Assert.Equal([open, sooner, later], listed.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["open", "published", "published"], listed.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(["id", "title", "subject", "status", "opensAt", "durationMinutes", "joinClosesAt"], listed[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(60, listed[0].GetProperty("durationMinutes").GetInt32());
        Assert.Equal(listed[0].GetProperty("opensAt").GetDateTimeOffset().AddMinutes(15), listed[0].GetProperty("joinClosesAt").GetDateTimeOffset());
        Assert.Equal([later], (await MyExamsAsync(classmate)).Where(e => e.GetProperty("id").GetString() == later).Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(2, (await MyExamsAsync(classmate)).Count);
    }
}
