using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;
using Collab.Client.MessagePack;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>The MessagePack hub protocol beside JSON: the same fields, the same events, the same error codes.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessagePackProtocolTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/lessonprep";
    private readonly GroupScenario _scenario = new(shared.Host);

    [Fact]
    public async Task A_MessagePack_client_joins_receives_a_JSON_clients_op_and_is_refused_with_the_error_code()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        using var http = await leader.HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "《春》集体备课", subject = "chinese", grade = "7", format = "text" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await using var json = await leader.ConnectAsync(Hub);
        // The handshake fails unless the server speaks MessagePack: this client offers nothing else.
        await using var messagePack = await ConnectWithMessagePackAsync(colleague);
        var joined = await messagePack.InvokeAsync("Join", id);
        Assert.Equal("《春》集体备课", joined.GetProperty("snapshot").GetProperty("title").GetString());
        Assert.Equal(0, joined.GetProperty("snapshot").GetProperty("revision").GetInt64());
        await json.InvokeAsync("Join", id);

        var accepted = await json.InvokeAsync("SubmitOp", id, new { clientId = "tab-json", clientSeq = 1, section = "objectives", baseRevision = 0, ops = new object[] { "盼望着，盼望着🌱" } });
        var applied = await messagePack.WaitForTypeAsync("op.applied");
        Assert.Equal($"lessonprep/{id}", applied.GetProperty("stream").GetString());
        Assert.Equal(accepted.GetProperty("revision").GetInt64(), applied.GetProperty("data").GetProperty("revision").GetInt64());
        Assert.Equal(leader.UserId, applied.GetProperty("data").GetProperty("userId").GetString());
        Assert.Equal("盼望着，盼望着🌱", applied.GetProperty("data").GetProperty("ops")[0].GetString());

        // The MessagePack client's own op, retaining the 8 code points typed so far, reaches the JSON client.
        var mine = await messagePack.InvokeAsync("SubmitOp", id, new { clientId = "tab-mp", clientSeq = 1, section = "objectives", baseRevision = 1, ops = new object[] { 8, "。" } });
        Assert.Equal(2, mine.GetProperty("revision").GetInt64());
        var seen = await json.WaitForAsync(e => e.GetProperty("type").GetString() == "op.applied" && e.GetProperty("data").GetProperty("clientId").GetString() == "tab-mp");
        Assert.Equal(colleague.UserId, seen.GetProperty("data").GetProperty("userId").GetString());

        await HubErrors.AssertRefusedAsync("invalid_argument", () => messagePack.InvokeAsync("SubmitOp", id,
            new { clientId = "tab-mp", clientSeq = 2, section = "objectives", baseRevision = 2, ops = new object[] { 99, "x" } }));
    }

    private async Task<LiveClient> ConnectWithMessagePackAsync(TestUser user)
    {
        var token = await user.TokenAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(shared.Host.BaseAddress, Hub), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddMessagePackProtocol(options => options.SerializerOptions = JsonShapedResolver.Options(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }
}
