using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Api.Tests.Classrooms;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Homework;

/// <summary>PROTOCOL §8's homework over real HTTP, on the classroom's directory: who may set, see, submit and mark, and each refusal.</summary>
[Collection(ApiCollection.Name)]
public sealed class HomeworkRestTests(SharedApiHost shared)
{
    private const string Questions = """
        [{"id":"q1","kind":"single","points":2,"stem":"斜率是？","options":[{"id":"a","text":"1"},{"id":"b","text":"2"}],"answer":"b"},
         {"id":"q2","kind":"short","points":3,"stem":"说说斜率的意义","reference":"倾斜程度"}]
        """;

    private readonly ClassroomScenario _scenario = new(shared.Host);

    private string Spec(string? questions = null, params string[] classes) =>
        $$"""{"title":"一次函数","subject":"数学","dueAt":"{{DateTimeOffset.UtcNow.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}}","classIds":[{{string.Join(",", (classes.Length > 0 ? classes : [_scenario.Class("H"), _scenario.Class("A")]).Select(c => $"\"{c}\""))}}],"questions":{{questions ?? Questions}}}""";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> SetAsync()
    {
        using var http = await _scenario.HostTeacher.HttpAsync();
        var response = await http.PostAsync("/api/homework", Json(Spec()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Only_a_teacher_of_a_listed_class_sets_homework_and_every_objective_question_needs_a_key()
    {
        await _scenario.ImportAsync();
        using var student = await _scenario.StudentA.HttpAsync();
        await ProblemAssert.IsAsync(await student.PostAsync("/api/homework", Json(Spec())), HttpStatusCode.Forbidden, "forbidden");
        using var other = await _scenario.OtherTeacher.HttpAsync();
        await ProblemAssert.IsAsync(await other.PostAsync("/api/homework", Json(Spec())), HttpStatusCode.Forbidden, "forbidden");
        using var host = await _scenario.HostTeacher.HttpAsync();
        await ProblemAssert.IsAsync(await host.PostAsync("/api/homework", Json(Spec("""[{"id":"q1","kind":"single","points":2,"stem":"?","options":[{"id":"a","text":"1"}]}]"""))),
            HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await host.PostAsync("/api/homework", Json("{\"title\":")), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await host.PostAsync("/api/homework", Json(Spec(null, "nowhere"))), HttpStatusCode.NotFound, "not_found");

        Assert.Empty((await student.GetFromJsonAsync<JsonElement>("/api/me/homework")).EnumerateArray());
    }

    [Fact]
    public async Task Students_of_the_classes_submit_without_seeing_keys_each_class_teacher_marks_their_own_and_the_classes_compare()
    {
        await _scenario.ImportAsync();
        var id = await SetAsync();

        using var studentA = await _scenario.StudentA.HttpAsync();
        Assert.Equal(id, (await studentA.GetFromJsonAsync<JsonElement>("/api/me/homework"))[0].GetProperty("id").GetString());
        var view = await studentA.GetStringAsync($"/api/homework/{id}");
        Assert.DoesNotContain("\"answer\"", view);
        Assert.DoesNotContain("倾斜程度", view);

        var submission = """{"clientId":"phone-a","clientSeq":1,"answers":{"q1":"b","q2":"表示倾斜程度"}}""";
        var first = await studentA.PutAsync($"/api/homework/{id}/submission", Json(submission));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var resent = await studentA.PutAsync($"/api/homework/{id}/submission", Json(submission));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await resent.Content.ReadAsStringAsync());
        await ProblemAssert.IsAsync(await studentA.PutAsync($"/api/homework/{id}/submission", Json("""{"q1":"b"}""")), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await studentA.PutAsync($"/api/homework/{id}/submission", Json("not json")), HttpStatusCode.BadRequest, "invalid_argument");

        using var studentB = await _scenario.StudentB.HttpAsync();
        await ProblemAssert.IsAsync(await studentB.PutAsync($"/api/homework/{id}/submission", Json(submission)), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await studentB.GetAsync($"/api/homework/{id}"), HttpStatusCode.Forbidden, "forbidden");

        // The master teacher set it, but the rural class's answers are its own teacher's to mark.
        using var host = await _scenario.HostTeacher.HttpAsync();
        var mark = new { studentId = _scenario.City.Person("sa"), questionId = "q2", points = 3, clientId = "tab", clientSeq = 1 };
        await ProblemAssert.IsAsync(await host.PostAsJsonAsync($"/api/homework/{id}/marks", mark), HttpStatusCode.Forbidden, "forbidden");
        using var teacherA = await _scenario.AssistantA.HttpAsync();
        var task = await teacherA.GetFromJsonAsync<JsonElement>($"/api/homework/{id}/marking/next?questionId=q2");
        Assert.Equal((_scenario.City.Person("sa"), "表示倾斜程度"), (task.GetProperty("studentId").GetString(), task.GetProperty("answer").GetString()));
        await ProblemAssert.IsAsync(await teacherA.PostAsJsonAsync($"/api/homework/{id}/marks", mark with { points = 9 }), HttpStatusCode.BadRequest, "invalid_argument");
        Assert.Equal(HttpStatusCode.OK, (await teacherA.PostAsJsonAsync($"/api/homework/{id}/marks", mark)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await teacherA.GetAsync($"/api/homework/{id}/marking/next?questionId=q2")).StatusCode);

        var results = await host.GetFromJsonAsync<JsonElement>($"/api/homework/{id}/results");
        var classes = results.GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal([_scenario.Class("H"), _scenario.Class("A")], classes.Select(c => c.GetProperty("key").GetString()));
        Assert.Equal((0, 1, 5m), (classes[0].GetProperty("submitted").GetInt32(), classes[1].GetProperty("submitted").GetInt32(), classes[1].GetProperty("mean").GetDecimal()));
        await ProblemAssert.IsAsync(await studentA.GetAsync($"/api/homework/{id}/results"), HttpStatusCode.Forbidden, "forbidden");
    }
}
