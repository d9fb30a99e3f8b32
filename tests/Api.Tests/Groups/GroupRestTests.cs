using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Groups;

[Collection(ApiCollection.Name)]
public sealed class GroupRestTests(SharedApiHost shared)
{
    private readonly GroupScenario _scenario = new(shared.Host);

    [Fact]
    public async Task Creating_a_group_makes_the_caller_its_leader()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader, "高一物理教研组");

        using var http = await leader.HttpAsync();
        var group = await http.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");

        Assert.Equal("高一物理教研组", group.GetProperty("group").GetProperty("name").GetString());
        Assert.Equal("leader", group.GetProperty("myRole").GetString());
        var member = Assert.Single(group.GetProperty("members").EnumerateArray());
        Assert.Equal(leader.UserId, member.GetProperty("userId").GetString());
        Assert.Equal("leader", member.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_student_cannot_create_a_group()
    {
        using var http = await _scenario.Student().HttpAsync();
        var response = await http.PostAsJsonAsync("/api/groups", new { name = "x", subject = "math", grade = "7" });
        await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_group_needs_a_name_and_refuses_an_oversized_one()
    {
        using var http = await _scenario.Teacher().HttpAsync();
        var empty = await http.PostAsJsonAsync("/api/groups", new { name = " ", subject = "math", grade = "7" });
        await ProblemAssert.IsAsync(empty, HttpStatusCode.BadRequest, "invalid_argument");
        var huge = await http.PostAsJsonAsync("/api/groups", new { name = new string('x', 101), subject = "math", grade = "7" });
        await ProblemAssert.IsAsync(huge, HttpStatusCode.RequestEntityTooLarge, "too_large");
    }

    [Fact]
    public async Task Malformed_json_is_an_invalid_argument()
    {
        using var http = await _scenario.Teacher().HttpAsync();
        var response = await http.PostAsync("/api/groups", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_as_too_large()
    {
        using var http = await _scenario.Teacher().HttpAsync();
        var description = new string('x', 2 * 1024 * 1024);
        var response = await http.PostAsJsonAsync("/api/groups", new { name = "big", subject = "math", grade = "7", description });
        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, "too_large");
    }

    [Fact]
    public async Task An_unknown_group_is_not_found()
    {
        using var http = await _scenario.Teacher().HttpAsync();
        var response = await http.GetAsync("/api/groups/g-doesnotexist");
        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_unauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        await ProblemAssert.IsAsync(await anonymous.GetAsync("/api/me/groups"), HttpStatusCode.Unauthorized, "unauthorized");

        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not.a.token");
        await ProblemAssert.IsAsync(await anonymous.GetAsync("/api/me/groups"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_development_issuer_refuses_an_unknown_role()
    {
        using var http = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/dev/token", new { userId = "u1", name = "x", role = "principal" });
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task The_leader_adds_members_from_other_schools_and_counties_and_they_see_the_group_in_their_list()
    {
        var leader = _scenario.Teacher("county-a", "school-a");
        var colleague = _scenario.Teacher("county-b", "school-b");
        var id = await _scenario.CreateGroupAsync(leader);

        await _scenario.AddMemberAsync(leader, id, colleague);

        using var http = await colleague.HttpAsync();
        var mine = await http.GetFromJsonAsync<JsonElement>("/api/me/groups");
        var summary = Assert.Single(mine.EnumerateArray());
        Assert.Equal(id, summary.GetProperty("id").GetString());
        Assert.Equal("member", summary.GetProperty("role").GetString());
        Assert.Equal(2, summary.GetProperty("memberCount").GetInt32());
        var group = await http.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Contains(group.GetProperty("members").EnumerateArray(), m => m.GetProperty("county").GetString() == "county-b");
    }

    [Fact]
    public async Task Only_the_leader_adds_or_removes_members()
    {
        var leader = _scenario.Teacher();
        var member = _scenario.Teacher();
        var outsider = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, member);

        using var memberHttp = await member.HttpAsync();
        var add = await memberHttp.PostAsJsonAsync($"/api/groups/{id}/members", new { userId = outsider.UserId, name = "x", school = "s", county = "c" });
        await ProblemAssert.IsAsync(add, HttpStatusCode.Forbidden, "forbidden");
        using var outsiderHttp = await outsider.HttpAsync();
        var remove = await outsiderHttp.DeleteAsync($"/api/groups/{id}/members/{member.UserId}");
        await ProblemAssert.IsAsync(remove, HttpStatusCode.Forbidden, "forbidden");

        using var leaderHttp = await leader.HttpAsync();
        var group = await leaderHttp.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Equal(2, group.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Removing_a_member_takes_the_group_off_their_list_and_the_leader_cannot_be_removed()
    {
        var leader = _scenario.Teacher();
        var member = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, id, member);
        using var http = await leader.HttpAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/groups/{id}/members/{member.UserId}")).StatusCode);
        await ProblemAssert.IsAsync(await http.DeleteAsync($"/api/groups/{id}/members/{member.UserId}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await http.DeleteAsync($"/api/groups/{id}/members/{leader.UserId}"), HttpStatusCode.Conflict, "conflict");

        using var memberHttp = await member.HttpAsync();
        Assert.Empty((await memberHttp.GetFromJsonAsync<JsonElement>("/api/me/groups")).EnumerateArray());
    }

    [Fact]
    public async Task A_teacher_asks_to_join_and_the_leader_approves()
    {
        var leader = _scenario.Teacher();
        var applicant = _scenario.Teacher("county-c");
        var id = await _scenario.CreateGroupAsync(leader);

        using var applicantHttp = await applicant.HttpAsync();
        var outsiderView = await applicantHttp.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Empty(outsiderView.GetProperty("members").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, outsiderView.GetProperty("myRole").ValueKind);

        (await applicantHttp.PostAsync($"/api/groups/{id}/join-requests", null)).EnsureSuccessStatusCode();
        (await applicantHttp.PostAsync($"/api/groups/{id}/join-requests", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsAsync(await applicantHttp.PostAsync($"/api/groups/{id}/join-requests/{applicant.UserId}/approve", null),
            HttpStatusCode.Forbidden, "forbidden");

        using var leaderHttp = await leader.HttpAsync();
        var pending = await leaderHttp.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Single(pending.GetProperty("joinRequests").EnumerateArray());
        (await leaderHttp.PostAsync($"/api/groups/{id}/join-requests/{applicant.UserId}/approve", null)).EnsureSuccessStatusCode();
        await ProblemAssert.IsAsync(await leaderHttp.PostAsync($"/api/groups/{id}/join-requests/{applicant.UserId}/approve", null),
            HttpStatusCode.NotFound, "not_found");

        var joined = await applicantHttp.GetFromJsonAsync<JsonElement>($"/api/groups/{id}");
        Assert.Equal("member", joined.GetProperty("myRole").GetString());
        await ProblemAssert.IsAsync(await applicantHttp.PostAsync($"/api/groups/{id}/join-requests", null), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task A_student_cannot_ask_to_join_or_see_a_group()
    {
        var id = await _scenario.CreateGroupAsync(_scenario.Teacher());
        using var http = await _scenario.Student().HttpAsync();
        await ProblemAssert.IsAsync(await http.PostAsync($"/api/groups/{id}/join-requests", null), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/groups/{id}"), HttpStatusCode.Forbidden, "not_member");
    }

    [Fact]
    public async Task A_flood_of_requests_is_rate_limited_per_user()
    {
        var flooder = _scenario.Teacher();
        using var http = await flooder.HttpAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 120; i++)
        {
            var response = await http.GetAsync("/api/me/groups");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ProblemAssert.IsAsync(response, HttpStatusCode.TooManyRequests, "rate_limited");
                break;
            }
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        using var other = await _scenario.Teacher().HttpAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me/groups")).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        using var http = new HttpClient { BaseAddress = shared.Host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
