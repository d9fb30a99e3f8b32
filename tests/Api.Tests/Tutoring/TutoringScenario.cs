using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Groups;
using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Tutoring;

/// <summary>People, rooms and hub arguments for tutoring tests, with unique ids so tests sharing one Api never meet.</summary>
public sealed class TutoringScenario(ApiHost host)
{
    public const string Hub = "/hubs/tutoring";

    public TestUser Tutor() => host.User(GroupScenario.Unique("tutor"), "teacher", name: "张老师");

    public TestUser Student(string name = "小明") => host.User(GroupScenario.Unique("s"), "student", name: name);

    public async Task<string> CreateRoomAsync(TestUser tutor, int slotMinutes = 60, string subject = "数学")
    {
        using var http = await tutor.HttpAsync();
        var response = await http.PostAsJsonAsync("/api/tutoring/rooms", new { title = "初二数学答疑", subject, slotMinutes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A room created and opened, with the tutor's connection joined to it.</summary>
    public async Task<(string RoomId, LiveClient Tutor)> OpenRoomAsync(TestUser tutor, int slotMinutes = 60, string subject = "数学")
    {
        var roomId = await CreateRoomAsync(tutor, slotMinutes, subject);
        var client = await tutor.ConnectAsync(Hub);
        await client.InvokeAsync("Join", roomId);
        await client.InvokeAsync("Open", roomId);
        return (roomId, client);
    }

    /// <summary>A student's connection joined to the room and queued; returns it with the position.</summary>
    public static async Task<(LiveClient Client, int Position)> QueueAsync(TestUser student, string roomId, string topic)
    {
        var client = await student.ConnectAsync(Hub);
        await client.InvokeAsync("Join", roomId);
        var position = (await client.InvokeAsync("RequestHelp", roomId, Help(student.UserId, 1, topic))).GetProperty("position").GetInt32();
        return (client, position);
    }

    public static object Help(string clientId, long clientSeq, string topic) => new { clientId, clientSeq, topic };

    public static object Text(string clientId, long clientSeq, string text) => new { clientId, clientSeq, text };

    public static object Stroke(string clientId, long clientSeq, string strokeId, int points = 3, string color = "#3366ff", double width = 2) =>
        new { clientId, clientSeq, strokeId, points = Enumerable.Range(0, points).Select(i => new[] { 10.0 + i, 20.5 + i }).ToArray(), color, width };

    public static string Reason(JsonElement ended) => ended.GetProperty("data").GetProperty("reason").GetString()!;

    public static DateTimeOffset Time(JsonElement element) => DateTimeOffset.Parse(element.GetString()!);

    /// <summary>
    /// Waits until a REST read shows what the test expects (the directory is updated asynchronously, with no event),
    /// giving up after a timeout.
    /// </summary>
    public static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(50, cancel.Token);
        }
    }
}
