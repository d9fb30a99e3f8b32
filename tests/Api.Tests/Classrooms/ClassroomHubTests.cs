using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using static Collab.Api.Tests.Classrooms.ClassroomScenario;

namespace Collab.Api.Tests.Classrooms;

/// <summary>PROTOCOL §8 over real HTTP and the real SignalR client, on a directory imported through the admin API.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClassroomHubTests(SharedApiHost shared)
{
    private readonly ClassroomScenario _scenario = new(shared.Host);

    [Fact]
    public async Task A_non_teacher_or_a_teacher_of_another_class_cannot_create_a_classroom()
    {
        await _scenario.ImportAsync();
        foreach (var (user, status) in new[] { (_scenario.StudentA, HttpStatusCode.Forbidden), (_scenario.City.Admin, HttpStatusCode.Forbidden), (_scenario.AssistantA, HttpStatusCode.Forbidden) })
        {
            using var http = await user.HttpAsync();
            await ProblemAssert.IsAsync(await http.PostAsJsonAsync("/api/classrooms", _scenario.Body()), status, "forbidden");
        }
        using var host = await _scenario.HostTeacher.HttpAsync();
        await ProblemAssert.IsAsync(await host.PostAsJsonAsync("/api/classrooms", new { title = "t", subject = "数学", startsAt = DateTimeOffset.UtcNow, hostClassId = _scenario.Class("H"), linkedClassIds = new[] { "nowhere" } }),
            HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await host.PostAsJsonAsync("/api/classrooms", new { title = "", subject = "数学", startsAt = DateTimeOffset.UtcNow, hostClassId = _scenario.Class("H") }),
            HttpStatusCode.BadRequest, "invalid_argument");
        using var list = await _scenario.StudentA.HttpAsync();
        Assert.Empty((await list.GetFromJsonAsync<JsonElement>("/api/me/classrooms")).EnumerateArray());
    }

    [Fact]
    public async Task A_lesson_runs_from_push_to_reveal_and_each_role_sees_what_it_may()
    {
        await _scenario.ImportAsync();
        var id = await _scenario.CreateAsync();
        using (var http = await _scenario.StudentB.HttpAsync())
        {
            var mine = await http.GetFromJsonAsync<JsonElement>("/api/me/classrooms");
            Assert.Equal(id, mine[0].GetProperty("id").GetString());
            var info = await http.GetFromJsonAsync<JsonElement>($"/api/classrooms/{id}");
            Assert.Equal(["城区实验中学", "李家村中学", "赵庄中学"], info.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("schoolName").GetString()));
            Assert.Equal(_scenario.City.Person("tb"), info.GetProperty("classes")[2].GetProperty("teacherId").GetString());
        }

        await using var host = await _scenario.HostTeacher.ConnectAsync(Hub);
        await using var assistant = await _scenario.AssistantA.ConnectAsync(Hub);
        await using var studentA = await _scenario.StudentA.ConnectAsync(Hub);
        await using var studentB = await _scenario.StudentB.ConnectAsync(Hub);
        await host.InvokeAsync("Join", id);
        var assistantView = (await assistant.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.Equal("teacher", assistantView.GetProperty("role").GetString());
        await studentA.InvokeAsync("Join", id);
        var studentView = (await studentB.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.Equal(_scenario.Class("B"), studentView.GetProperty("myClassId").GetString());
        Assert.Equal("scheduled", studentView.GetProperty("status").GetString());
        await host.WaitForTypeAsync("class.presence", d => d.GetProperty("classId").GetString() == _scenario.Class("B") && d.GetProperty("online").GetInt32() == 1);

        await host.InvokeAsync("Start", id);
        var pushed = await host.InvokeAsync("PushQuestion", id, Push(1, Single()));
        Assert.Equal("q1", pushed.GetProperty("questionId").GetString());
        var seen = await studentA.WaitForTypeAsync("question.pushed");
        Assert.False(seen.GetProperty("data").GetProperty("question").TryGetProperty("answer", out _));
        Assert.DoesNotContain("\"answer\"", seen.GetRawText());

        var accepted = await studentA.InvokeAsync("Answer", id, Answer("phone-a", 1, "q1", "b"));
        Assert.True(accepted.TryGetProperty("acceptedAt", out _));
        Assert.Equal(accepted.GetRawText(), (await studentA.InvokeAsync("Answer", id, Answer("phone-a", 1, "q1", "c"))).GetRawText());
        await studentB.InvokeAsync("Answer", id, Answer("phone-b", 1, "q1", "a"));
        await assistant.InvokeAsync("SubmitTally", id, Tally("pad-a", 1, "q1", _scenario.Class("A"), new() { ["b"] = 18, ["a"] = 4 }));

        var tally = await host.WaitForTypeAsync("tally.updated", d => d.GetProperty("total").GetProperty("answered").GetInt32() == 23);
        Assert.Equal(18, tally.GetProperty("data").GetProperty("total").GetProperty("correct").GetInt32());
        await assistant.WaitForTypeAsync("tally.updated", d => d.GetProperty("total").GetProperty("answered").GetInt32() == 23);
        var hostView = (await host.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.Equal("b", hostView.GetProperty("question").GetProperty("answer").GetString());

        await host.InvokeAsync("CloseQuestion", id, "q1");
        await studentB.WaitForTypeAsync("question.closed");
        await HubErrors.AssertRefusedAsync("closed", () => studentB.InvokeAsync("Answer", id, Answer("phone-b", 2, "q1", "b")));
        await host.InvokeAsync("RevealAnswer", id, "q1");
        var revealed = await studentB.WaitForTypeAsync("answer.revealed");
        Assert.Equal("b", revealed.GetProperty("data").GetProperty("answer").GetString());
        Assert.Equal(23, revealed.GetProperty("data").GetProperty("total").GetProperty("answered").GetInt32());
        Assert.Empty(studentA.EventsOfType("tally.updated"));
        Assert.Empty(studentB.EventsOfType("tally.updated"));
        Assert.DoesNotContain(studentB.EventsOfType("answer.recorded"), e => e.GetProperty("data").GetProperty("studentId").GetString() != _scenario.StudentB.UserId);
        var studentAfter = (await studentB.InvokeAsync("Join", id)).GetProperty("snapshot");
        Assert.False(studentAfter.GetProperty("tally").TryGetProperty("perClass", out _));
        Assert.Equal("a", studentAfter.GetProperty("myAnswer").GetString());

        await host.InvokeAsync("End", id);
        using var reader = await _scenario.AssistantB.HttpAsync();
        var report = await reader.GetFromJsonAsync<JsonElement>($"/api/classrooms/{id}/report");
        var perClass = report.GetProperty("questions")[0].GetProperty("perClass");
        Assert.Equal([(0, 0.0), (22, Math.Round(18 / 22.0, 4)), (1, 0.0)],
            perClass.EnumerateArray().Select(c => (c.GetProperty("answered").GetInt32(), c.GetProperty("correctRate").GetDouble())));
        Assert.True(perClass[1].GetProperty("fromCount").GetBoolean());
        using var student = await _scenario.StudentA.HttpAsync();
        await ProblemAssert.IsAsync(await student.GetAsync($"/api/classrooms/{id}/report"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Refusals_a_student_of_another_class_an_assistant_counting_another_class_a_question_without_a_key()
    {
        await _scenario.ImportAsync();
        var id = await _scenario.CreateAsync();
        await using var host = await _scenario.HostTeacher.ConnectAsync(Hub);
        await host.InvokeAsync("Join", id);
        await host.InvokeAsync("Start", id);
        await HubErrors.AssertRefusedAsync("invalid_argument", () => host.InvokeAsync("PushQuestion", id,
            Push(1, new { id = "q0", kind = "single", stem = "没有答案", options = new[] { new { id = "a", text = "1" }, new { id = "b", text = "2" } } })));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => host.InvokeAsync("PushQuestion", id, Push(2, new { id = "q0", kind = "short", stem = "简答" })));
        Assert.Equal(JsonValueKind.Null, (await host.InvokeAsync("Join", id)).GetProperty("snapshot").GetProperty("question").ValueKind);
        await host.InvokeAsync("PushQuestion", id, Push(3, Single()));

        await using var outsider = await _scenario.Outsider.ConnectAsync(Hub);
        await HubErrors.AssertRefusedAsync("forbidden", () => outsider.InvokeAsync("Join", id));
        await HubErrors.AssertRefusedAsync("forbidden", () => outsider.InvokeAsync("Answer", id, Answer("x", 1, "q1", "b")));
        await using var other = await _scenario.OtherTeacher.ConnectAsync(Hub);
        await HubErrors.AssertRefusedAsync("forbidden", () => other.InvokeAsync("SubmitTally", id, Tally("x", 1, "q1", _scenario.Class("A"), new() { ["b"] = 1 })));
        await using var assistant = await _scenario.AssistantA.ConnectAsync(Hub);
        await HubErrors.AssertRefusedAsync("forbidden", () => assistant.InvokeAsync("SubmitTally", id, Tally("pad", 1, "q1", _scenario.Class("B"), new() { ["b"] = 1 })));
        await HubErrors.AssertRefusedAsync("forbidden", () => assistant.InvokeAsync("PushQuestion", id, Push(1, Single("q9"))));
        await HubErrors.AssertRefusedAsync("forbidden", () => assistant.InvokeAsync("RevealAnswer", id, "q1"));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => assistant.InvokeAsync("SubmitTally", id, Tally("pad", 2, "q1", _scenario.Class("A"), new() { ["z"] = 1 })));

        await using var student = await _scenario.StudentA.ConnectAsync(Hub);
        await HubErrors.AssertRefusedAsync("invalid_argument", () => student.InvokeAsync("Answer", id, Answer("p", 1, "q1", new[] { "b" })));
        await HubErrors.AssertRefusedAsync("not_found", () => student.InvokeAsync("Answer", id, Answer("p", 2, "q7", "b")));
        await host.InvokeAsync("CloseQuestion", id, "q1");
        await HubErrors.AssertRefusedAsync("closed", () => student.InvokeAsync("Answer", id, Answer("p", 3, "q1", "b")));
        await HubErrors.AssertRefusedAsync("closed", () => assistant.InvokeAsync("SubmitTally", id, Tally("pad", 3, "q1", _scenario.Class("A"), new() { ["b"] = 1 })));

        using var http = await _scenario.HostTeacher.HttpAsync();
        var report = await http.GetFromJsonAsync<JsonElement>($"/api/classrooms/{id}/report");
        Assert.All(report.GetProperty("questions")[0].GetProperty("perClass").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("answered").GetInt32()));
        Assert.Equal(1, report.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task A_student_who_sees_none_of_the_others_answers_gets_events_for_everyone_chained_past_them()
    {
        await _scenario.ImportAsync();
        var id = await _scenario.CreateAsync();
        await using var host = await _scenario.HostTeacher.ConnectAsync(Hub);
        await using var assistant = await _scenario.AssistantA.ConnectAsync(Hub);
        await using var studentA = await _scenario.StudentA.ConnectAsync(Hub);
        await using var studentB = await _scenario.StudentB.ConnectAsync(Hub);
        await using var quiet = await _scenario.HostStudent.ConnectAsync(Hub);
        await host.InvokeAsync("Join", id);
        await assistant.InvokeAsync("Join", id);
        await studentA.InvokeAsync("Join", id);
        await studentB.InvokeAsync("Join", id);
        var joinedSeq = (await quiet.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        await host.InvokeAsync("Start", id);
        await host.InvokeAsync("PushQuestion", id, Push(1, Single()));
        var pushed = await quiet.WaitForTypeAsync("question.pushed");
        await studentA.InvokeAsync("Answer", id, Answer("phone-a", 1, "q1", "b"));
        await studentB.InvokeAsync("Answer", id, Answer("phone-b", 1, "q1", "a"));
        await assistant.InvokeAsync("SubmitTally", id, Tally("pad-a", 1, "q1", _scenario.Class("A"), new() { ["b"] = 3 }));
        await host.InvokeAsync("CloseQuestion", id, "q1");
        var closed = await quiet.WaitForTypeAsync("question.closed");

        var started = quiet.EventsOfType("classroom.started").Single();
        Assert.True(started.GetProperty("prev").GetInt64() <= joinedSeq);
        Assert.Equal(started.GetProperty("seq").GetInt64(), pushed.GetProperty("prev").GetInt64());
        // The answers and the tallies took seqs between the two: a jump for this student, and no gap.
        Assert.True(closed.GetProperty("seq").GetInt64() > pushed.GetProperty("seq").GetInt64() + 1);
        Assert.Equal(pushed.GetProperty("seq").GetInt64(), closed.GetProperty("prev").GetInt64());
        var own = await studentA.WaitForTypeAsync("answer.recorded");
        Assert.False(own.TryGetProperty("prev", out _));
        var tally = await host.WaitForTypeAsync("tally.updated");
        Assert.False(tally.TryGetProperty("prev", out _));
    }
}
