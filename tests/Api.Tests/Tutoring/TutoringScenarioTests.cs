using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static Collab.Api.Tests.Tutoring.TutoringScenario;

namespace Collab.Api.Tests.Tutoring;

[Collection(TutoringApiCollection.Name)]
public sealed class TutoringScenarioTests(TutoringApiHost shared)
{
    private readonly TutoringScenario _scenario = new(shared.Host);

    /// <summary>The "done when": a tutor serves three students one after another with board, chat, timed slots and notes.</summary>
    [Fact]
    public async Task A_tutor_serves_three_students_one_after_another()
    {
        var tutorUser = _scenario.Tutor();
        var (roomId, tutor) = await _scenario.OpenRoomAsync(tutorUser, slotMinutes: 15);
        await using var _ = tutor;
        var users = new[] { _scenario.Student("小艾"), _scenario.Student("小博"), _scenario.Student("小蔡") };
        var topics = new[] { "一元一次方程", "一次函数", "全等三角形" };
        var clients = new List<LiveClient>();
        for (var i = 0; i < 3; i++)
        {
            var (client, position) = await QueueAsync(users[i], roomId, topics[i]);
            Assert.Equal(i + 1, position);
            clients.Add(client);
        }
        var (amy, bo, cai) = (clients[0], clients[1], clients[2]);

        // 1: 小艾 — board and chat, notes, the tutor ends the session.
        await tutor.InvokeAsync("AdmitNext", roomId);
        await amy.WaitForTypeAsync("session.started");
        await bo.WaitForTypeAsync("queue.changed", d => d.GetProperty("position").GetInt32() == 1);
        await cai.WaitForTypeAsync("queue.changed", d => d.GetProperty("position").GetInt32() == 2);
        await tutor.InvokeAsync("DrawStroke", roomId, Stroke(tutorUser.UserId, 1, "a-t1", points: 40));
        await amy.InvokeAsync("DrawStroke", roomId, Stroke(users[0].UserId, 2, "a-s1", points: 25));
        await amy.InvokeAsync("SendChat", roomId, Text(users[0].UserId, 3, "3x+5=11 怎么解？"));
        await tutor.InvokeAsync("SendChat", roomId, Text(tutorUser.UserId, 2, "两边先减5"));
        await amy.WaitForCountAsync("chat.posted", 2);
        await tutor.InvokeAsync("SaveNotes", roomId, "移项要变号，已掌握");
        await tutor.Connection.InvokeAsync("EndSession", roomId);
        Assert.Equal("tutor", Reason(await amy.WaitForTypeAsync("session.ended")));

        // 2: 小博 — the slot runs out and the server ends it; notes written afterwards.
        var started = await tutor.InvokeAsync("AdmitNext", roomId);
        Assert.Equal(users[1].UserId, started.GetProperty("studentId").GetString());
        var boJoined = await bo.InvokeAsync("Join", roomId);
        Assert.Empty(boJoined.GetProperty("snapshot").GetProperty("session").GetProperty("strokes").EnumerateArray());
        await bo.InvokeAsync("DrawStroke", roomId, Stroke(users[1].UserId, 2, "b-s1"));
        await bo.InvokeAsync("SendChat", roomId, Text(users[1].UserId, 3, "斜率是什么意思"));
        shared.Clock.Advance(TimeSpan.FromMinutes(13));
        await bo.WaitForTypeAsync("session.warning");
        shared.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("time_up", Reason(await bo.WaitForTypeAsync("session.ended")));
        await tutor.InvokeAsync("SaveNotes", roomId, "斜率概念需要再讲");

        // 3: 小蔡 — an extended slot, the student ends it.
        await tutor.InvokeAsync("AdmitNext", roomId);
        await cai.WaitForTypeAsync("session.started");
        await cai.InvokeAsync("DrawStroke", roomId, Stroke(users[2].UserId, 2, "c-s1"));
        await tutor.InvokeAsync("DrawStroke", roomId, Stroke(tutorUser.UserId, 3, "c-t1"));
        await tutor.Connection.InvokeAsync("ClearBoard", roomId);
        await tutor.InvokeAsync("DrawStroke", roomId, Stroke(tutorUser.UserId, 4, "c-t2"));
        await tutor.InvokeAsync("ExtendSession", roomId, 10);
        await cai.InvokeAsync("SendChat", roomId, Text(users[2].UserId, 3, "谢谢老师"));
        await tutor.InvokeAsync("SaveNotes", roomId, "SAS 与 ASA 区分清楚");
        await cai.Connection.InvokeAsync("EndSession", roomId);
        Assert.Equal("student", Reason((await tutor.WaitForCountAsync("session.ended", 3))[2]));

        using var http = await tutorUser.HttpAsync();
        var history = (await http.GetFromJsonAsync<JsonElement>($"/api/tutoring/rooms/{roomId}/sessions")).EnumerateArray().ToList();
        Assert.Equal([users[2].UserId, users[1].UserId, users[0].UserId], history.Select(r => r.GetProperty("studentId").GetString()));
        Assert.Equal(["student", "time_up", "tutor"], history.Select(r => r.GetProperty("endReason").GetString()));
        Assert.Equal(["SAS 与 ASA 区分清楚", "斜率概念需要再讲", "移项要变号，已掌握"], history.Select(r => r.GetProperty("notes").GetString()));
        Assert.Equal([3, 1, 2], history.Select(r => r.GetProperty("strokeCount").GetInt32()));
        Assert.Equal(topics.Reverse(), history.Select(r => r.GetProperty("topic").GetString()));

        for (var i = 0; i < 3; i++)
        {
            using var own = await users[i].HttpAsync();
            var mine = Assert.Single((await own.GetFromJsonAsync<JsonElement>("/api/me/tutoring/sessions")).EnumerateArray());
            Assert.Equal(topics[i], mine.GetProperty("topic").GetString());
            Assert.Equal(roomId, mine.GetProperty("roomId").GetString());
        }
        Assert.DoesNotContain(bo.EventsOfType("stroke.drawn").Concat(cai.EventsOfType("stroke.drawn")),
            e => e.GetProperty("data").GetProperty("strokeId").GetString()!.StartsWith("a-"));
        Assert.DoesNotContain(cai.EventsOfType("stroke.drawn"), e => e.GetProperty("data").GetProperty("strokeId").GetString()!.StartsWith("b-"));
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
