using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Ot;

namespace Collab.Api.Tests.LessonPreps;

[Collection(ApiCollection.Name)]
public sealed class LessonPrepHubTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/lessonprep";
    private readonly GroupScenario _scenario = new(shared.Host);

    private static object Op(string clientId, long clientSeq, string section, long baseRevision, params object[] ops) =>
        new { clientId, clientSeq, section, baseRevision, ops };

    private static async Task<string> CreatePlanAsync(TestUser author, string groupId, object? sections = null)
    {
        using var http = await author.HttpAsync();
        var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps",
            new { title = "《背影》集体备课", subject = "chinese", grade = "8", sections, format = "text" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.StartsWith("lp-", id);
        return id;
    }

    private static async Task<JsonElement> GetPlanAsync(TestUser user, string id)
    {
        using var http = await user.HttpAsync();
        return await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{id}");
    }

    private static string SectionText(JsonElement sections, string key) =>
        sections.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("text").GetString()!;

    /// <summary>What a client that applies every broadcast op in revision order ends with, starting from an empty section.</summary>
    private static string Replayed(IEnumerable<JsonElement> applied, string section) =>
        applied.Select(e => e.GetProperty("data"))
            .Where(d => d.GetProperty("section").GetString() == section)
            .OrderBy(d => d.GetProperty("revision").GetInt64())
            .Aggregate("", (text, d) => TextOperation.Parse(d.GetProperty("ops")).Apply(text));

    [Fact]
    public async Task Two_members_co_edit_one_section_in_Chinese_and_emoji_and_converge()
    {
        var leader = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        var id = await CreatePlanAsync(leader, groupId);
        await using var a = await leader.ConnectAsync(Hub);
        await using var b = await colleague.ConnectAsync(Hub);
        await a.InvokeAsync("Join", id);
        var joined = await b.InvokeAsync("Join", id);

        var snapshot = joined.GetProperty("snapshot");
        Assert.Equal("《背影》集体备课", snapshot.GetProperty("title").GetString());
        Assert.Equal("drafting", snapshot.GetProperty("phase").GetString());
        Assert.Equal(0, snapshot.GetProperty("revision").GetInt64());
        Assert.Equal(6, snapshot.GetProperty("sections").GetArrayLength());
        Assert.Empty(snapshot.GetProperty("comments").EnumerateArray());
        Assert.Contains(colleague.UserId, snapshot.GetProperty("online").EnumerateArray().Select(u => u.GetString()));

        // Both type into the empty section at once, each on revision 0.
        var results = await Task.WhenAll(
            a.InvokeAsync("SubmitOp", id, Op("tab-a", 1, "objectives", 0, "体会父爱的深沉")),
            b.InvokeAsync("SubmitOp", id, Op("tab-b", 1, "objectives", 0, "🎯 目标：")));
        Assert.Equal([1L, 2L], results.Select(r => r.GetProperty("revision").GetInt64()).Order());
        var next = await a.InvokeAsync("SubmitOp", id, Op("tab-a", 2, "objectives", 2, CodePoints.Count("体会父爱的深沉🎯 目标："), "。"));
        Assert.Equal(3, next.GetProperty("revision").GetInt64());

        var seenByA = await a.WaitForCountAsync("op.applied", 3);
        var seenByB = await b.WaitForCountAsync("op.applied", 3);
        var server = SectionText((await GetPlanAsync(colleague, id)).GetProperty("sections"), "objectives");
        Assert.Equal(13, CodePoints.Count(server));
        Assert.Contains("体会父爱的深沉", server);
        Assert.Contains("🎯 目标：", server);
        Assert.Equal(server, Replayed(seenByA, "objectives"));
        Assert.Equal(server, Replayed(seenByB, "objectives"));
        var fromB = seenByA.Single(e => e.GetProperty("data").GetProperty("clientId").GetString() == "tab-b").GetProperty("data");
        Assert.Equal(colleague.UserId, fromB.GetProperty("userId").GetString());
        Assert.Equal(1, fromB.GetProperty("clientSeq").GetInt64());

        await b.InvokeAsync("MoveCursor", id, new { section = "objectives", anchor = 2, head = 4 });
        var cursor = await a.WaitForTypeAsync("cursor.moved");
        Assert.Equal(0, cursor.GetProperty("seq").GetInt64());
        Assert.Equal(colleague.UserId, cursor.GetProperty("data").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Outsiders_are_refused_everywhere()
    {
        var leader = _scenario.Teacher();
        var groupId = await _scenario.CreateGroupAsync(leader);
        var id = await CreatePlanAsync(leader, groupId);
        var outsider = _scenario.Teacher();
        await using var client = await outsider.ConnectAsync(Hub);

        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Join", id));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("Sync", id, 0L));
        await HubErrors.AssertRefusedAsync("not_member", () => client.InvokeAsync("SubmitOp", id, Op("c", 1, "objectives", 0, "x")));
        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("Join", "lp-nothere"));
        using var http = await outsider.HttpAsync();
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/lessonpreps/{id}"), HttpStatusCode.Forbidden, "not_member");
        await ProblemAssert.IsAsync(await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "t", subject = "s", grade = "g" }),
            HttpStatusCode.Forbidden, "not_member");
        Assert.Empty(client.Events);
    }

    [Fact]
    public async Task Malformed_ops_are_refused_and_change_nothing()
    {
        var leader = _scenario.Teacher();
        var groupId = await _scenario.CreateGroupAsync(leader);
        var id = await CreatePlanAsync(leader, groupId, new[] { new { key = "intro", title = "导入" } });
        await using var client = await leader.ConnectAsync(Hub);
        var seq = (await client.InvokeAsync("Join", id)).GetProperty("seq").GetInt64();

        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id,
            new { clientId = "c", clientSeq = 1, section = "intro", baseRevision = 0, ops = new { insert = "x" } }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id,
            new { clientId = "c", clientSeq = 2, section = "intro", baseRevision = 0 }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id, Op("c", 3, "intro", 0, 4, "x")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id, Op("c", 4, "objectives", 0, "x")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => client.InvokeAsync("SubmitOp", id, Op("", 5, "intro", 0, "x")));

        var plan = await GetPlanAsync(leader, id);
        Assert.Equal(0, plan.GetProperty("revision").GetInt64());
        Assert.Equal("", SectionText(plan.GetProperty("sections"), "intro"));
        Assert.Empty((await client.InvokeAsync("Sync", id, seq)).GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task Text_revision_and_command_results_survive_a_restart_of_the_embedded_host()
    {
        using var folder = new DataFolder();
        string id;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        try
        {
            var scenario = new GroupScenario(host);
            var lead = host.User("lp-restart-lead");
            var groupId = await scenario.CreateGroupAsync(lead);
            id = await CreatePlanAsync(lead, groupId);
            await using var client = await lead.ConnectAsync(Hub);
            await client.InvokeAsync("Join", id);
            await client.InvokeAsync("SubmitOp", id, Op("tab", 1, "process", 0, "一、导入😀"));
            await client.InvokeAsync("SubmitOp", id, Op("tab", 2, "process", 1, 5, "\n二、朗读"));
            await client.InvokeAsync("SubmitOp", id, Op("tab", 3, "homework", 2, "背诵"));
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            var lead = restarted.User("lp-restart-lead");
            await using var client = await lead.ConnectAsync(Hub);
            var snapshot = (await client.InvokeAsync("Join", id)).GetProperty("snapshot");
            Assert.Equal(3, snapshot.GetProperty("revision").GetInt64());
            Assert.Equal("一、导入😀\n二、朗读", SectionText(snapshot.GetProperty("sections"), "process"));
            Assert.Equal("背诵", SectionText(snapshot.GetProperty("sections"), "homework"));

            var resent = await client.InvokeAsync("SubmitOp", id, Op("tab", 2, "process", 1, 5, "\n二、朗读"));
            Assert.Equal(2, resent.GetProperty("revision").GetInt64());
            var next = await client.InvokeAsync("SubmitOp", id, Op("tab", 4, "homework", 3, 2, "第六段"));
            Assert.Equal(4, next.GetProperty("revision").GetInt64());
            Assert.Equal("背诵第六段", SectionText((await GetPlanAsync(lead, id)).GetProperty("sections"), "homework"));
        }
        finally
        {
            await restarted.StopAsync();
        }
    }

    [Fact]
    public async Task Comments_reach_every_member_and_move_with_the_text()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher("county-b");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        var id = await CreatePlanAsync(leader, groupId);
        await using var writer = await leader.ConnectAsync(Hub);
        await using var reviewer = await colleague.ConnectAsync(Hub);
        await writer.InvokeAsync("Join", id);
        await reviewer.InvokeAsync("Join", id);
        await writer.InvokeAsync("SubmitOp", id, Op("w", 1, "objectives", 0, "理解勾股定理"));

        var added = await reviewer.InvokeAsync("AddComment", id, new { clientId = "r", clientSeq = 1, section = "objectives", start = 2, end = 6, text = "目标要可测量" });
        var commentId = added.GetProperty("commentId").GetString();
        var broadcast = await writer.WaitForTypeAsync("comment.added");
        Assert.Equal(commentId, broadcast.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(colleague.UserId, broadcast.GetProperty("data").GetProperty("userId").GetString());

        await writer.InvokeAsync("SubmitOp", id, Op("w", 2, "objectives", 1, "能", 6));
        var comment = (await reviewer.InvokeAsync("Join", id)).GetProperty("snapshot").GetProperty("comments")[0];
        Assert.Equal(3, comment.GetProperty("start").GetInt32());
        Assert.Equal(7, comment.GetProperty("end").GetInt32());

        await writer.InvokeAsync("ResolveComment", id, commentId);
        await reviewer.WaitForTypeAsync("comment.resolved", d => d.GetProperty("commentId").GetString() == commentId);
        await HubErrors.AssertRefusedAsync("invalid_argument", () => reviewer.InvokeAsync("AddComment", id,
            new { clientId = "r", clientSeq = 2, section = "objectives", start = 5, end = 99, text = "out of range" }));
    }

    [Fact]
    public async Task Versions_are_saved_over_the_hub_listed_and_viewed_over_rest_and_restored_for_everyone()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher("county-b");
        var outsider = _scenario.Teacher("county-c");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        var id = await CreatePlanAsync(leader, groupId);
        await using var lead = await leader.ConnectAsync(Hub);
        await using var other = await colleague.ConnectAsync(Hub);
        await lead.InvokeAsync("Join", id);
        await other.InvokeAsync("Join", id);
        await lead.InvokeAsync("SubmitOp", id, Op("l", 1, "homework", 0, "练习册第3页"));
        var versionId = (await other.InvokeAsync("SaveVersion", id, "讨论前")).GetProperty("versionId").GetString()!;
        await lead.WaitForTypeAsync("version.saved", d => d.GetProperty("versionId").GetString() == versionId);
        await lead.InvokeAsync("SubmitOp", id, Op("l", 2, "homework", 1, -6));

        using var http = await colleague.HttpAsync();
        var listed = await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{id}/versions");
        Assert.Equal("讨论前", Assert.Single(listed.EnumerateArray()).GetProperty("label").GetString());
        var viewed = await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{id}/versions/{versionId}");
        Assert.Equal("练习册第3页", SectionText(viewed.GetProperty("sections"), "homework"));
        using var outsiderHttp = await outsider.HttpAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderHttp.GetAsync($"/api/lessonpreps/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/lessonpreps/{id}/versions/v-none")).StatusCode);

        await HubErrors.AssertRefusedAsync("forbidden", () => other.InvokeAsync("RestoreVersion", id, versionId));
        await lead.InvokeAsync("RestoreVersion", id, versionId);
        await other.WaitForTypeAsync("version.restored");
        Assert.Equal("练习册第3页", Replayed(other.EventsOfType("op.applied"), "homework"));
        Assert.Equal("练习册第3页", SectionText((await GetPlanAsync(colleague, id)).GetProperty("sections"), "homework"));
    }

    [Fact]
    public async Task A_plan_exports_as_markdown_or_html_to_members_only()
    {
        var leader = _scenario.Teacher();
        var groupId = await _scenario.CreateGroupAsync(leader);
        var id = await CreatePlanAsync(leader, groupId);
        await using var lead = await leader.ConnectAsync(Hub);
        await lead.InvokeAsync("Join", id);
        await lead.InvokeAsync("SubmitOp", id, Op("l", 1, "objectives", 0, "体会<父爱>"));

        using var http = await leader.HttpAsync();
        var markdown = await http.GetAsync($"/api/lessonpreps/{id}/export?format=markdown");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("体会<父爱>", await markdown.Content.ReadAsStringAsync());
        var html = await http.GetAsync($"/api/lessonpreps/{id}/export?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("体会&lt;父爱&gt;", await html.Content.ReadAsStringAsync());
        await ProblemAssert.IsAsync(await http.GetAsync($"/api/lessonpreps/{id}/export?format=pdf"), HttpStatusCode.BadRequest, "invalid_argument");
        using var outsider = await _scenario.Teacher().HttpAsync();
        await ProblemAssert.IsAsync(await outsider.GetAsync($"/api/lessonpreps/{id}/export"), HttpStatusCode.Forbidden, "not_member");
    }

    [Fact]
    public async Task A_member_forks_a_finalized_plan_over_rest_into_a_personal_copy()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher("county-b");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        var id = await CreatePlanAsync(leader, groupId);
        await using var lead = await leader.ConnectAsync(Hub);
        await lead.InvokeAsync("Join", id);
        await lead.InvokeAsync("SubmitOp", id, Op("l", 1, "process", 0, "朗读课文"));
        using var http = await colleague.HttpAsync();
        await ProblemAssert.IsAsync(await http.PostAsync($"/api/lessonpreps/{id}/fork", null), HttpStatusCode.Conflict, "conflict");

        await lead.InvokeAsync("SetPhase", id, "finalized");
        var response = await http.PostAsync($"/api/lessonpreps/{id}/fork", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var forkId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var fork = await GetPlanAsync(colleague, forkId);
        Assert.Equal(id, fork.GetProperty("forkedFrom").GetString());
        Assert.Equal(colleague.UserId, fork.GetProperty("owner").GetString());
        Assert.Equal("朗读课文", SectionText(fork.GetProperty("sections"), "process"));
        using var leaderHttp = await leader.HttpAsync();
        await ProblemAssert.IsAsync(await leaderHttp.GetAsync($"/api/lessonpreps/{forkId}"), HttpStatusCode.Forbidden, "forbidden");
    }
}
