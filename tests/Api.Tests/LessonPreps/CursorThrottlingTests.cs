using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.LessonPreps;

/// <summary>A fast pointer: its moves are coalesced to at most ten per second, and the last position always arrives.</summary>
[Collection(ApiCollection.Name)]
public sealed class CursorThrottlingTests(SharedApiHost shared)
{
    private const string Hub = "/hubs/lessonprep";
    // Within the shared host's hub burst (40 calls), so the rate limiter never steps in.
    private const int Moves = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly GroupScenario _scenario = new(shared.Host);

    [Fact]
    public async Task Cursor_moves_of_one_user_are_coalesced_and_the_latest_position_wins()
    {
        var leader = _scenario.Teacher();
        var colleague = _scenario.Teacher();
        var groupId = await _scenario.CreateGroupAsync(leader);
        await _scenario.AddMemberAsync(leader, groupId, colleague);
        using var http = await leader.HttpAsync();
        var created = await http.PostAsJsonAsync($"/api/groups/{groupId}/lessonpreps", new { title = "光标", subject = "chinese", grade = "8", format = "text" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await using var watcher = await leader.ConnectAsync(Hub);
        await using var pointer = await colleague.ConnectAsync(Hub);
        await watcher.InvokeAsync("Join", id);
        await pointer.InvokeAsync("Join", id);
        await pointer.InvokeAsync("SubmitOp", id, new { clientId = "p", clientSeq = 1L, section = "objectives", baseRevision = 0L, ops = new object[] { new string('字', Moves) } });

        var elapsed = Stopwatch.StartNew();
        for (var position = 1; position <= Moves; position++)
        {
            await pointer.InvokeAsync("MoveCursor", id, new { section = "objectives", anchor = position, head = position });
        }
        var sending = elapsed.Elapsed;
        await watcher.WaitForTypeAsync("cursor.moved", data => data.GetProperty("anchor").GetInt32() == Moves);

        var anchors = watcher.EventsOfType("cursor.moved").Select(e => e.GetProperty("data"))
            .Where(d => d.GetProperty("userId").GetString() == colleague.UserId)
            .Select(d => d.GetProperty("anchor").GetInt32()).ToList();
        // One move at once, then at most one per interval while moves kept coming, then the last one.
        var allowed = 2 + (int)(sending / Interval);
        Assert.True(anchors.Count <= allowed, $"{anchors.Count} cursor.moved for {Moves} moves in {sending.TotalMilliseconds} ms");
        Assert.Equal(1, anchors[0]);
        Assert.Equal(Moves, anchors[^1]);
        Assert.Equal(anchors.Order(), anchors);
        Assert.All(watcher.EventsOfType("cursor.moved"), e => Assert.Equal(1, e.GetProperty("data").GetProperty("revision").GetInt64()));
    }
}
