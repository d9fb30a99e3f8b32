using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Auth;
using Collab.Api.Tests.Exams;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.Live;

/// <summary>
/// Control characters in what a client sends are refused with <c>invalid_argument</c> at the edge, hub and REST alike,
/// and nothing is stored; only free text (a post's body, a group's description) keeps line breaks and tabs. A token
/// whose identity claims hold one is refused as unauthorized.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ControlCharacterTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/groups";
    private readonly GroupScenario _scenario = new(shared.Host);

    [Fact]
    public async Task A_nul_in_a_stream_id_a_client_id_or_a_posts_text_is_refused_and_nothing_is_posted()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync(Hub);
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("Join", id + "\0"));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id + "\0", GroupScenario.Message("tab", 1, "hi")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab\0", 2, "hi")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 3, "a\0b")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 4, "bell\u0007")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab\n", 5, "hi")));

        var snapshot = (await client.InvokeAsync("Sync", id, seq));
        Assert.Empty(snapshot.GetProperty("events").EnumerateArray());
        Assert.DoesNotContain(client.Events, e => e.GetProperty("type").GetString() == "message.posted");
    }

    [Fact]
    public async Task Line_breaks_and_tabs_in_a_posts_body_are_kept()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await using var client = await leader.ConnectAsync(Hub);
        await client.InvokeAsync("Join", id);

        await client.InvokeAsync("PostMessage", id, GroupScenario.Message("tab", 1, "第一行\r\n第二行\t完"));

        var posted = await client.WaitForTypeAsync("message.posted");
        Assert.Equal("第一行\r\n第二行\t完", posted.GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_nul_in_a_lesson_plan_op_or_its_section_key_is_refused_and_a_line_break_in_op_text_is_applied()
    {
        var leader = _scenario.Teacher();
        var groupId = await _scenario.CreateGroupAsync(leader);
        using var http = await leader.HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "《背影》集体备课", subject = "chinese", grade = "8", format = "text" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var client = await leader.ConnectAsync("/hubs/lessonprep");
        await client.InvokeAsync("Join", id);

        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id,
            new { clientId = "tab", clientSeq = 1, section = "objectives", baseRevision = 0, ops = new object[] { "体会\0父爱" } }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id,
            new { clientId = "tab", clientSeq = 2, section = "objectives\0", baseRevision = 0, ops = new object[] { "x" } }));
        var accepted = await client.InvokeAsync("SubmitOp", id,
            new { clientId = "tab", clientSeq = 3, section = "objectives", baseRevision = 0, ops = new object[] { "第一行\n第二行" } });

        Assert.Equal(1, accepted.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_control_character_in_a_rest_route_id_or_body_field_is_refused_and_nothing_is_stored()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        using var http = await leader.HttpAsync();

        await ProblemAssert.IsAsync(await http.GetAsync($"/api/groups/{id}%01"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.DeleteAsync($"/api/groups/{id}/members/{leader.UserId}%1F"), HttpStatusCode.BadRequest, "invalid_argument");
        // Kestrel itself refuses a NUL anywhere in the path, before any endpoint runs.
        Assert.Equal(HttpStatusCode.BadRequest, (await http.DeleteAsync($"/api/groups/{id}/members/{leader.UserId}%00")).StatusCode);
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/lessonpreps/{id}/export?format=md%00"), HttpStatusCode.BadRequest, "invalid_argument");
        var member = await http.PostAsJsonAsync($"/api/groups/{id}/members", new { userId = "t-\0x", name = "王老师", school = "s", county = "c" });
        await ProblemAssert.IsAsync(member, HttpStatusCode.BadRequest, "invalid_argument");
        var group = await http.PostAsJsonAsync("/api/groups", new { name = "数学\0组", subject = "math", grade = "7" });
        await ProblemAssert.IsAsync(group, HttpStatusCode.BadRequest, "invalid_argument");
        var newline = await http.PostAsJsonAsync("/api/groups", new { name = "数学组", subject = "math\n", grade = "7" });
        await ProblemAssert.IsAsync(newline, HttpStatusCode.BadRequest, "invalid_argument");

        var mine = await http.GetFromJsonAsync<JsonElement>("/api/me/groups");
        Assert.Equal([id], mine.EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        var members = (await http.GetFromJsonAsync<JsonElement>($"/api/groups/{id}")).GetProperty("members");
        Assert.Equal([leader.UserId], members.EnumerateArray().Select(m => m.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task A_nul_in_an_exam_paper_the_endpoint_reads_itself_is_refused_and_a_line_break_in_a_stem_is_kept()
    {
        var exams = new ExamScenario(shared.Host);
        var author = exams.Teacher();
        var roster = new[] { exams.Student() };
        var opensAt = DateTimeOffset.UtcNow.AddHours(1);
        using var http = await author.HttpAsync();

        var nul = ExamScenario.Spec(roster, opensAt, questions: [new { id = "q1", kind = "truefalse", points = 2, stem = "地球\0是圆的", answer = true }]);
        await ProblemAssert.IsAsync(await http.PostAsJsonAsync("/api/exams", nul), HttpStatusCode.BadRequest, "invalid_argument");
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/me/exams")).EnumerateArray());

        var id = await exams.CreateAsync(author, ExamScenario.Spec(roster, opensAt, questions: [new { id = "q1", kind = "truefalse", points = 2, stem = "地球\n是圆的", answer = true }]));
        var paper = await http.GetFromJsonAsync<JsonElement>($"/api/exams/{id}");
        Assert.Equal("地球\n是圆的", paper.GetProperty("questions")[0].GetProperty("stem").GetString());
    }

    [Theory]
    [InlineData("t-\0x", "王老师")]
    [InlineData("t-ok", "王\u0001老师")]
    public async Task A_token_whose_subject_or_name_holds_a_control_character_is_refused(string userId, string name)
    {
        var token = shared.Host.Services.GetRequiredService<TokenIssuer>()
            .Issue(new DevTokenRequest(userId, name, "teacher", "school-1", "county-1"), DateTimeOffset.UtcNow);
        using var http = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await ProblemAssert.IsAsync(await http.GetAsync("/api/me/groups"), HttpStatusCode.Unauthorized, "unauthorized");
        var refused = await http.PostAsJsonAsync("/api/dev/token", new { userId, name, role = "teacher", school = "s", county = "c" });
        await ProblemAssert.IsAsync(refused, HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task A_line_break_in_a_groups_description_is_kept()
    {
        using var http = await _scenario.Teacher().HttpAsync();

        var response = await http.PostAsJsonAsync("/api/groups", new { name = "数学组", subject = "math", grade = "7", description = "每周三\n下午" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
