using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using static Collab.Api.Tests.Observations.ObservationSetup;

namespace Collab.Api.Tests.Observations;

[Collection(ApiCollection.Name)]
public sealed class ObservationRestTests(SharedApiHost shared)
{
    [Fact]
    public async Task Scheduling_returns_the_id_and_rubric_and_the_group_lists_the_session_live()
    {
        var setup = await NewAsync(shared.Host, "西城区");
        await using var groupClient = await setup.Observers[0].ConnectAsync("/hubs/groups");
        await groupClient.InvokeAsync("Join", setup.GroupId);

        var response = await setup.PostObservationAsync(setup.Leader);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/observations/{id}", response.Headers.Location?.ToString());
        Assert.Equal("scheduled", body.GetProperty("status").GetString());
        Assert.Equal("教学目标", body.GetProperty("rubric").GetProperty("dimensions")[0].GetProperty("name").GetString());
        var scheduled = await groupClient.WaitForTypeAsync("session.scheduled");
        Assert.Equal(id, scheduled.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("observation", scheduled.GetProperty("data").GetProperty("kind").GetString());
        Assert.Equal("2026-11-24T01:30:00.000Z", scheduled.GetProperty("data").GetProperty("startsAt").GetString());
        using var http = await setup.Observers[0].HttpAsync();
        var group = await http.GetFromJsonAsync<JsonElement>($"/api/groups/{setup.GroupId}");
        Assert.Contains(group.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Scheduling_refusals_are_problem_json_with_their_codes()
    {
        var setup = await NewAsync(shared.Host, "西城区");
        var outsider = setup.Scenario.Teacher("北湖区");

        await ProblemAssert.IsAsync(await setup.PostObservationAsync(outsider), HttpStatusCode.Forbidden, "not_member");
        await ProblemAssert.IsAsync(await setup.PostObservationAsync(setup.Observers[0]), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await setup.PostObservationAsync(setup.Leader, teacherId: outsider.UserId), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await setup.PostObservationAsync(setup.Leader, title: new string('课', 101)), HttpStatusCode.RequestEntityTooLarge, "too_large");
        await ProblemAssert.IsAsync(await setup.PostObservationAsync(setup.Leader,
            new { dimensions = new object[] { new { key = "a", name = "A", weight = 50 }, new { key = "a", name = "B", weight = 50 } } }),
            HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await setup.PostObservationAsync(setup.Leader,
            new { dimensions = new object[] { new { key = "a", name = "A", weight = 50 }, new { key = "b", name = "B", weight = 49 } } }),
            HttpStatusCode.BadRequest, "invalid_argument");
        using var http = await setup.Leader.HttpAsync();
        await ProblemAssert.IsAsync(await http.PostAsJsonAsync($"/api/groups/{setup.GroupId}/observations", new { title = "t" }),
            HttpStatusCode.BadRequest, "invalid_argument");

        // The observed teacher schedules their own lesson; the self-made observation works like the leader's.
        Assert.Equal(HttpStatusCode.Created, (await setup.PostObservationAsync(setup.Teacher)).StatusCode);
    }

    [Fact]
    public async Task The_report_opens_after_the_lesson_to_members_and_prints_as_encoded_html()
    {
        var setup = await NewAsync(shared.Host, "西城区", "南山县");
        var id = await setup.ScheduleAsync();
        await using var teacher = await setup.Teacher.ConnectAsync(Hub);
        await using var a = await setup.Observers[0].ConnectAsync(Hub);
        await using var b = await setup.Observers[1].ConnectAsync(Hub);
        using var teacherHttp = await setup.Teacher.HttpAsync();
        await ProblemAssert.IsAsync(await teacherHttp.GetAsync($"/api/observations/{id}/report"), HttpStatusCode.Conflict, "not_open");
        await teacher.InvokeAsync("Start", id);
        await ProblemAssert.IsAsync(await teacherHttp.GetAsync($"/api/observations/{id}/report"), HttpStatusCode.Conflict, "not_open");

        await a.InvokeAsync("AddNote", id, Note("a", 1, "<b>导入</b> & 提问"));
        await b.InvokeAsync("AddNote", id, Note("b", 1, "私人笔记", "private"));
        await a.InvokeAsync("Rate", id, Rating("a", 2, Uniform(5), "<script>alert('x')</script>"));
        await b.InvokeAsync("Rate", id, Rating("b", 2, new Dictionary<string, int>
        {
            ["objectives"] = 4, ["content"] = 3, ["methods"] = 3, ["organisation"] = 4, ["effect"] = 2, ["skill"] = 4,
        }, "建议增加练习"));
        await teacher.InvokeAsync("End", id);

        var report = await GetReportAsync(setup.Observers[1], id);
        Assert.Equal("ended", report.GetProperty("status").GetString());
        Assert.False(report.GetProperty("final").GetBoolean());
        Assert.Equal(2, report.GetProperty("ratingCount").GetInt32());
        // A: 100; B: (60 + 60 + 60 + 60 + 40 + 40) / 5 = 64; mean 82.
        Assert.Equal(82, report.GetProperty("weightedTotal").GetDouble());
        var effect = report.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "effect");
        Assert.Equal((3.5, 2, 5, 1.5), (effect.GetProperty("mean").GetDouble(), effect.GetProperty("min").GetInt32(),
            effect.GetProperty("max").GetInt32(), effect.GetProperty("stdDev").GetDouble()));
        Assert.Equal(["<b>导入</b> & 提问"], report.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(2, report.GetProperty("comments").GetArrayLength());
        Assert.Equal(1, report.GetProperty("observersByCounty").GetProperty("西城区").GetInt32());
        Assert.Equal(1, report.GetProperty("observersByCounty").GetProperty("南山县").GetInt32());
        Assert.DoesNotContain("私人笔记", report.GetRawText());
        Assert.DoesNotContain("scores", report.GetRawText());

        var page = await teacherHttp.GetAsync($"/api/observations/{id}/report?format=html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("82 / 100", html);
        Assert.Contains("&lt;b&gt;导入&lt;/b&gt; &amp; 提问", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("私人笔记", html);
        Assert.Contains("建议增加练习", html);

        await ProblemAssert.IsAsync(await teacherHttp.GetAsync($"/api/observations/{id}/report?format=pdf"), HttpStatusCode.BadRequest, "invalid_argument");
        using var outsiderHttp = await setup.Scenario.Teacher("北湖区").HttpAsync();
        await ProblemAssert.IsAsync(await outsiderHttp.GetAsync($"/api/observations/{id}/report"), HttpStatusCode.Forbidden, "not_member");
        await ProblemAssert.IsAsync(await outsiderHttp.GetAsync("/api/observations/ob-unknown/report"), HttpStatusCode.NotFound, "not_found");
        using var anonymous = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/observations/{id}/report")).StatusCode);
    }
}
