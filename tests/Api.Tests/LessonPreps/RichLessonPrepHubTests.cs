using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Api.LessonPreps;
using Collab.Ot.Rich;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>A rich plan (PROTOCOL §9) over real HTTP and SignalR: Join's content, SubmitOp with a delta, op.applied, exports.</summary>
[Collection(ApiCollection.Name)]
public sealed class RichLessonPrepHubTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/lessonprep";
    private readonly GroupScenario _scenario = new(shared.Host);

    private static object Change(string clientId, long clientSeq, long baseRevision, string deltaJson) =>
        new { clientId, clientSeq, section = "process", baseRevision, delta = JsonDocument.Parse(deltaJson).RootElement };

    private async Task<(TestUser Leader, TestUser Colleague, string Id)> RichPlanAsync()
    {
        var leader = _scenario.Teacher("county-a");
        var colleague = _scenario.Teacher("county-b");
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        using var http = await leader.HttpAsync();
        var response = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps",
            new { title = "浮力", subject = "physics", grade = "8", format = "rich" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (leader, colleague, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    private static JsonElement Process(JsonElement sections) =>
        sections.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "process");

    [Fact]
    public async Task Two_members_write_rich_text_together_and_every_copy_and_the_server_agree()
    {
        var (leader, colleague, id) = await RichPlanAsync();
        await using var a = await leader.ConnectAsync(Hub);
        await using var b = await colleague.ConnectAsync(Hub);
        await a.InvokeAsync("Join", id);
        var joined = await b.InvokeAsync("Join", id);
        var section = Process(joined.GetProperty("snapshot").GetProperty("sections"));
        Assert.Equal("rich", section.GetProperty("format").GetString());
        var start = Delta.Parse(section.GetProperty("content").GetRawText());
        Assert.Equal(Delta.Parse("""[{"insert":"\n"}]"""), start);

        // Both on revision 0: a heading from one, a formula from the other.
        await Task.WhenAll(
            a.InvokeAsync("SubmitOp", id, Change("tab-a", 1, 0, """[{"insert":"实验探究"},{"insert":"\n","attributes":{"header":2}}]""")),
            b.InvokeAsync("SubmitOp", id, Change("tab-b", 1, 0, """[{"insert":{"formula":"F=\\rho g V"}}]""")));

        var applied = (await b.WaitForCountAsync("op.applied", 2)).Select(e => e.GetProperty("data")).OrderBy(d => d.GetProperty("revision").GetInt64()).ToList();
        Assert.All(applied, d => Assert.False(d.TryGetProperty("ops", out _)));
        var replayed = applied.Aggregate(start, (content, d) => content.Compose(Delta.Parse(d.GetProperty("delta").GetRawText())));
        await a.WaitForCountAsync("op.applied", 2);
        using var http = await colleague.HttpAsync();
        var server = Delta.Parse(Process((await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{id}")).GetProperty("sections")).GetProperty("content").GetRawText());
        Assert.Equal(server, replayed);
        Assert.Equal(7, server.Length);

        var html = await http.GetStringAsync($"/api/lessonpreps/{id}/export?format=html");
        Assert.Contains("实验探究</h2>", html);
        Assert.Contains("data-latex=\"F=\\rho g V\"", html);
        var markdown = await http.GetStringAsync($"/api/lessonpreps/{id}/export?format=markdown");
        Assert.Contains("$F=\\rho g V$", markdown);
        using var docx = await http.GetAsync($"/api/lessonpreps/{id}/export?format=docx");
        Assert.Equal(LessonPlanDocx.ContentType, docx.Content.Headers.ContentType?.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        // A level-2 heading sits under the section's own level-1 heading; which concurrent change the server took first
        // decides whether the formula opens the heading's line.
        Assert.Contains(word.MainDocumentPart!.Document.Body!.Elements<Paragraph>(),
            p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading3" && p.InnerText.EndsWith("实验探究", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_or_misdirected_change_is_refused_and_changes_nothing()
    {
        var (leader, _, id) = await RichPlanAsync();
        await using var a = await leader.ConnectAsync(Hub);
        await a.InvokeAsync("Join", id);

        await HubErrors.AssertRefusedAsync("invalid_argument", () => a.InvokeAsync("SubmitOp", id,
            new { clientId = "tab", clientSeq = 1, section = "process", baseRevision = 0, ops = new object[] { "文字" } }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => a.InvokeAsync("SubmitOp", id,
            new { clientId = "tab", clientSeq = 2, section = "process", baseRevision = 0, ops = new object[] { "x" }, delta = new[] { new { insert = "x" } } }));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => a.InvokeAsync("SubmitOp", id,
            Change("tab", 3, 0, """[{"insert":"x","attributes":{"onclick":"alert(1)"}}]""")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => a.InvokeAsync("SubmitOp", id,
            Change("tab", 4, 0, """[{"insert":{"image":"javascript:alert(1)"}}]""")));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => a.InvokeAsync("SubmitOp", id,
            Change("tab", 5, 0, """[{"retain":3},{"insert":"x"}]""")));

        using var http = await leader.HttpAsync();
        var plan = await http.GetFromJsonAsync<JsonElement>($"/api/lessonpreps/{id}");
        Assert.Equal(0, plan.GetProperty("revision").GetInt64());
        Assert.Equal(Delta.Parse("""[{"insert":"\n"}]"""), Delta.Parse(Process(plan.GetProperty("sections")).GetProperty("content").GetRawText()));
    }

    [Fact]
    public async Task Rich_content_in_the_snapshot_and_in_the_op_log_survives_a_restart_of_the_embedded_host()
    {
        using var folder = new DataFolder();
        string id;
        var host = new ApiHost(folder.Path);
        await host.StartAsync();
        try
        {
            var scenario = new GroupScenario(host);
            var lead = host.User("rich-restart-lead");
            var groupId = await scenario.CreateGroupAsync(lead);
            using var http = await lead.HttpAsync();
            var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "浮力", subject = "physics", grade = "8", format = "rich" });
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await using var client = await lead.ConnectAsync(Hub);
            await client.InvokeAsync("Join", id);
            await client.InvokeAsync("SubmitOp", id, Change("tab", 1, 0, """[{"insert":"导入","attributes":{"bold":true}}]"""));
            // A phase change writes the whole plan: the content so far is in the snapshot, the next op only in the op log.
            await client.InvokeAsync("SetPhase", id, "discussion");
            await client.InvokeAsync("SubmitOp", id, Change("tab", 2, 1, """[{"retain":2},{"insert":{"formula":"x^2"}}]"""));
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path);
        await restarted.StartAsync();
        try
        {
            var lead = restarted.User("rich-restart-lead");
            await using var client = await lead.ConnectAsync(Hub);
            var snapshot = (await client.InvokeAsync("Join", id)).GetProperty("snapshot");
            Assert.Equal(2, snapshot.GetProperty("revision").GetInt64());
            Assert.Equal(Delta.Parse("""[{"insert":"导入","attributes":{"bold":true}},{"insert":{"formula":"x^2"}},{"insert":"\n"}]"""),
                Delta.Parse(Process(snapshot.GetProperty("sections")).GetProperty("content").GetRawText()));
            var resent = await client.InvokeAsync("SubmitOp", id, Change("tab", 2, 1, """[{"retain":2},{"insert":{"formula":"x^2"}}]"""));
            Assert.Equal(2, resent.GetProperty("revision").GetInt64());
        }
        finally
        {
            await restarted.StopAsync();
        }
    }
}
