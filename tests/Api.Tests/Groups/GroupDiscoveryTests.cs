using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Groups;

/// <summary>PROTOCOL §6, groups: the city-wide catalog teachers search, and join requests the leader settles.</summary>
[Collection(ApiCollection.Name)]
public sealed class GroupDiscoveryTests(SharedApiHost shared)
{
    private readonly GroupScenario _scenario = new(shared.Host);

    [Fact]
    public async Task A_teacher_finds_groups_by_county_subject_grade_and_a_part_of_the_name()
    {
        var county = GroupScenario.Unique("区");
        var leader = _scenario.Teacher(county);
        var maths = await CreateAsync(leader, "初中数学教研组", "math", "7", county);
        var physics = await CreateAsync(leader, "初中物理教研组", "physics", "8", county);
        var cityWide = await CreateAsync(leader, "全市数学名师工作室 " + county, "math", "7", null);
        using var http = await _scenario.Teacher("elsewhere").HttpAsync();

        var inCounty = await ListAsync(http, $"county={Uri.EscapeDataString(county)}");
        Assert.Equal([maths, physics], inCounty.Select(g => g.GetProperty("id").GetString()));
        var line = inCounty[0];
        Assert.Equal("初中数学教研组", line.GetProperty("name").GetString());
        Assert.Equal(county, line.GetProperty("county").GetString());
        Assert.Equal(1, line.GetProperty("memberCount").GetInt32());
        Assert.Equal(leader.UserId, line.GetProperty("leader").GetProperty("userId").GetString());
        Assert.Equal(leader.Name, line.GetProperty("leader").GetProperty("name").GetString());

        Assert.Equal([physics], (await ListAsync(http, $"county={Uri.EscapeDataString(county)}&subject=physics&grade=8")).Select(Id));
        Assert.Equal([maths], (await ListAsync(http, $"county={Uri.EscapeDataString(county)}&q=数学")).Select(Id));
        var byName = await ListAsync(http, $"q={Uri.EscapeDataString(county)}");
        Assert.Equal([cityWide], byName.Select(Id));
        Assert.Equal(JsonValueKind.Null, byName[0].GetProperty("county").ValueKind);
    }

    [Fact]
    public async Task Pages_follow_one_another_by_cursor_and_a_forged_cursor_is_refused()
    {
        var county = GroupScenario.Unique("县");
        var leader = _scenario.Teacher(county);
        var ids = new List<string>();
        foreach (var name in new[] { "A组", "B组", "C组", "D组", "E组" })
        {
            ids.Add(await CreateAsync(leader, name, "math", "7", county));
        }
        using var http = await leader.HttpAsync();

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/groups?county={Uri.EscapeDataString(county)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("groups").EnumerateArray().Select(Id));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(ids, seen);
        await ProblemAssert.IsAsync(await http.GetAsync("/api/groups?cursor=bm90LWEtY3Vyc29y"), HttpStatusCode.BadRequest, "invalid_argument");
        await ProblemAssert.IsAsync(await http.GetAsync("/api/groups?limit=201"), HttpStatusCode.BadRequest, "invalid_argument");
    }

    [Fact]
    public async Task An_oversized_county_or_search_is_refused_and_creates_nothing()
    {
        var county = GroupScenario.Unique("区");
        var leader = _scenario.Teacher(county);
        using var http = await leader.HttpAsync();

        var created = await http.PostAsJsonAsync("/api/groups", new { name = "超长区名组", subject = "math", grade = "7", county = new string('区', 51) });
        await ProblemAssert.IsAsync(created, HttpStatusCode.RequestEntityTooLarge, "too_large");
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/groups?q={new string('组', 101)}"), HttpStatusCode.RequestEntityTooLarge, "too_large");
        Assert.Empty(await ListAsync(http, $"q={Uri.EscapeDataString("超长区名组")}"));
    }

    [Fact]
    public async Task Students_cannot_search_groups()
    {
        using var http = await _scenario.Student().HttpAsync();
        await ProblemAssert.IsAsync(await http.GetAsync("/api/groups"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_member_count_in_the_catalog_follows_approvals_and_removals()
    {
        var county = GroupScenario.Unique("区");
        var leader = _scenario.Teacher(county);
        var id = await CreateAsync(leader, "高中化学教研组", "chemistry", "10", county);
        var colleague = _scenario.Teacher();
        using var colleagueHttp = await colleague.HttpAsync();
        using var leaderHttp = await leader.HttpAsync();

        (await colleagueHttp.PostAsync($"/api/groups/{id}/join-requests", null)).EnsureSuccessStatusCode();
        (await leaderHttp.PostAsync($"/api/groups/{id}/join-requests/{colleague.UserId}/approve", null)).EnsureSuccessStatusCode();
        Assert.Equal(2, (await ListAsync(leaderHttp, $"county={Uri.EscapeDataString(county)}")).Single().GetProperty("memberCount").GetInt32());

        (await leaderHttp.DeleteAsync($"/api/groups/{id}/members/{colleague.UserId}")).EnsureSuccessStatusCode();
        Assert.Equal(1, (await ListAsync(leaderHttp, $"county={Uri.EscapeDataString(county)}")).Single().GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task The_leader_lists_and_declines_join_requests_live_and_nobody_else_may()
    {
        var leader = _scenario.Teacher();
        var id = await _scenario.CreateGroupAsync(leader);
        var member = _scenario.Teacher();
        await _scenario.AddMemberAsync(leader, id, member);
        var asking = _scenario.Teacher("county-9", "school-9");
        await using var leaderLive = await leader.ConnectAsync("/hubs/groups");
        await leaderLive.InvokeAsync("Join", id);
        await using var memberLive = await member.ConnectAsync("/hubs/groups");
        await memberLive.InvokeAsync("Join", id);
        using var askingHttp = await asking.HttpAsync();
        using var leaderHttp = await leader.HttpAsync();
        using var memberHttp = await member.HttpAsync();

        (await askingHttp.PostAsync($"/api/groups/{id}/join-requests", null)).EnsureSuccessStatusCode();
        var requested = await leaderLive.WaitForTypeAsync("join.requested");
        Assert.Equal(asking.UserId, requested.GetProperty("data").GetProperty("userId").GetString());

        var listed = (await leaderHttp.GetFromJsonAsync<JsonElement>($"/api/groups/{id}/join-requests")).GetProperty("requests");
        var request = Assert.Single(listed.EnumerateArray());
        Assert.Equal(asking.UserId, request.GetProperty("userId").GetString());
        Assert.Equal("school-9", request.GetProperty("schoolName").GetString());
        Assert.Equal("county-9", request.GetProperty("county").GetString());
        Assert.EndsWith("Z", request.GetProperty("at").GetString());

        await ProblemAssert.IsAsync(await memberHttp.GetAsync($"/api/groups/{id}/join-requests"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await memberHttp.PostAsync($"/api/groups/{id}/join-requests/{asking.UserId}/decline", null), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsAsync(await leaderHttp.PostAsync($"/api/groups/{id}/join-requests/nobody/decline", null), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(HttpStatusCode.NoContent, (await leaderHttp.PostAsync($"/api/groups/{id}/join-requests/{asking.UserId}/decline", null)).StatusCode);
        var resolved = await leaderLive.WaitForTypeAsync("join.resolved");
        Assert.Equal("declined", resolved.GetProperty("data").GetProperty("outcome").GetString());
        Assert.Empty((await leaderHttp.GetFromJsonAsync<JsonElement>($"/api/groups/{id}/join-requests")).GetProperty("requests").EnumerateArray());
        await ProblemAssert.IsAsync(await leaderHttp.PostAsync($"/api/groups/{id}/join-requests/{asking.UserId}/approve", null), HttpStatusCode.NotFound, "not_found");

        // A member who is not the leader hears neither the request nor its outcome.
        await memberLive.InvokeAsync("PostMessage", id, GroupScenario.Message("m", 1, "收到"));
        await memberLive.WaitForTypeAsync("message.posted");
        Assert.DoesNotContain(memberLive.Events, e => e.GetProperty("type").GetString()!.StartsWith("join.", StringComparison.Ordinal));
    }

    private async Task<string> CreateAsync(TestUser leader, string name, string subject, string grade, string? county)
    {
        using var http = await leader.HttpAsync();
        var response = await http.PostAsJsonAsync("/api/groups", new { name, subject, grade, county, description = "" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<IReadOnlyList<JsonElement>> ListAsync(HttpClient http, string query) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/groups?" + query)).GetProperty("groups").EnumerateArray().ToList();

    private static string Id(JsonElement line) => line.GetProperty("id").GetString()!;
}
