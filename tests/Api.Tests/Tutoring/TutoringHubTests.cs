using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static Collab.Api.Tests.Tutoring.TutoringScenario;

namespace Collab.Api.Tests.Tutoring;

[Collection(TutoringApiCollection.Name)]
public sealed class TutoringHubTests(TutoringApiHost shared)
{
    private readonly TutoringScenario _scenario = new(shared.Host);

    [Fact]
    public async Task Join_shows_the_tutor_the_whole_queue_and_a_student_only_their_own_position()
    {
        var (roomId, tutor) = await _scenario.OpenRoomAsync(_scenario.Tutor());
        await using var _ = tutor;
        var (amy, amyPosition) = await QueueAsync(_scenario.Student("小艾"), roomId, "一元一次方程");
        var boUser = _scenario.Student("小博");
        var boUserId = boUser.UserId;
        var (bo, boPosition) = await QueueAsync(boUser, roomId, "函数");
        await using var __ = amy;
        await using var ___ = bo;
        Assert.Equal((1, 2), (amyPosition, boPosition));

        var tutorView = (await tutor.InvokeAsync("Join", roomId)).GetProperty("snapshot");
        Assert.Equal("tutor", tutorView.GetProperty("role").GetString());
        Assert.True(tutorView.GetProperty("room").GetProperty("open").GetBoolean());
        Assert.Equal(["一元一次方程", "函数"], tutorView.GetProperty("queue").EnumerateArray().Select(e => e.GetProperty("topic").GetString()));

        var boView = (await bo.InvokeAsync("Join", roomId)).GetProperty("snapshot");
        Assert.Equal(2, boView.GetProperty("myPosition").GetInt32());
        Assert.Equal(2, boView.GetProperty("queueLength").GetInt32());
        Assert.Empty(boView.GetProperty("queue").EnumerateArray());
        Assert.DoesNotContain(boView.EnumerateObject(), p => p.Name == "online");
        Assert.Contains(tutorView.GetProperty("online").EnumerateArray(), u => u.GetString() == boUserId);
        Assert.DoesNotContain("一元一次方程", boView.GetRawText());

        var tutorQueue = await tutor.WaitForTypeAsync("queue.changed", d => d.GetProperty("length").GetInt32() == 2);
        Assert.Equal(2, tutorQueue.GetProperty("data").GetProperty("queue").GetArrayLength());
    }

    [Fact]
    public async Task Students_cannot_create_open_close_admit_extend_or_write_notes()
    {
        var (roomId, tutor) = await _scenario.OpenRoomAsync(_scenario.Tutor());
        await using var _ = tutor;
        var student = _scenario.Student();
        using (var http = await student.HttpAsync())
        {
            var response = await http.PostAsJsonAsync("/api/tutoring/rooms", new { title = "t", subject = "数学", slotMinutes = 20 });
            await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden, "forbidden");
            var history = await http.GetAsync($"/api/tutoring/rooms/{roomId}/sessions");
            await ProblemAssert.IsAsync(history, HttpStatusCode.Forbidden, "forbidden");
        }
        using (var http = await _scenario.Tutor().HttpAsync())
        {
            var response = await http.PostAsJsonAsync("/api/tutoring/rooms", new { title = "t", subject = "数学", slotMinutes = 500 });
            await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_argument");
        }
        await using var client = await student.ConnectAsync(Hub);
        await client.InvokeAsync("Join", roomId);
        await HubErrors.AssertRefusedAsync("forbidden", () => client.InvokeAsync("Open", roomId));
        await HubErrors.AssertRefusedAsync("forbidden", () => client.InvokeAsync("Close", roomId));
        await HubErrors.AssertRefusedAsync("forbidden", () => client.InvokeAsync("AdmitNext", roomId));
        await HubErrors.AssertRefusedAsync("forbidden", () => client.InvokeAsync("ExtendSession", roomId, 5));
        await HubErrors.AssertRefusedAsync("forbidden", () => client.InvokeAsync("SaveNotes", roomId, "notes"));
        await HubErrors.AssertRefusedAsync("forbidden", () => client.InvokeAsync("PostQueueMessage", roomId, Text("c", 1, "hi")));
        await HubErrors.AssertRefusedAsync("forbidden", () => tutor.InvokeAsync("RequestHelp", roomId, Help("t", 1, "me too")));
        await HubErrors.AssertRefusedAsync("not_found", () => client.InvokeAsync("Join", "tr-nothere"));
    }

    [Fact]
    public async Task The_queue_keeps_places_cancels_and_tells_each_student_only_their_position()
    {
        var (roomId, tutor) = await _scenario.OpenRoomAsync(_scenario.Tutor());
        await using var _ = tutor;
        var amyUser = _scenario.Student("小艾");
        var (amy, _) = await QueueAsync(amyUser, roomId, "方程");
        var (bo, _) = await QueueAsync(_scenario.Student("小博"), roomId, "函数");
        var (cai, _) = await QueueAsync(_scenario.Student("小蔡"), roomId, "几何");
        await using var a = amy;
        await using var b = bo;
        await using var c = cai;

        Assert.Equal(1, (await amy.InvokeAsync("RequestHelp", roomId, Help(amyUser.UserId, 2, "again"))).GetProperty("position").GetInt32());
        await amy.Connection.InvokeAsync("CancelRequest", roomId);

        var moved = await cai.WaitForTypeAsync("queue.changed", d => d.GetProperty("position").GetInt32() == 2);
        Assert.Equal(2, moved.GetProperty("data").GetProperty("length").GetInt32());
        Assert.DoesNotContain(moved.GetProperty("data").EnumerateObject(), p => p.Name == "queue");
        await bo.WaitForTypeAsync("queue.changed", d => d.GetProperty("position").GetInt32() == 1);
        Assert.All(bo.EventsOfType("queue.changed").Concat(cai.EventsOfType("queue.changed")),
            e => Assert.DoesNotContain(e.GetProperty("data").EnumerateObject(), p => p.Name == "queue"));

        await tutor.InvokeAsync("PostQueueMessage", roomId, Text("tutor-tab", 1, "稍等，五分钟后开始"));
        var message = await cai.WaitForTypeAsync("queue.message");
        Assert.Equal("稍等，五分钟后开始", message.GetProperty("data").GetProperty("text").GetString());
        await HubErrors.AssertRefusedAsync("too_large", () => tutor.InvokeAsync("PostQueueMessage", roomId, Text("tutor-tab", 2, new string('x', 301))));

        await tutor.InvokeAsync("Close", roomId);
        await cai.WaitForTypeAsync("room.closed");
        await HubErrors.AssertRefusedAsync("not_open", () => cai.InvokeAsync("RequestHelp", roomId, Help("cai", 9, "几何")));
        await HubErrors.AssertRefusedAsync("not_open", () => tutor.InvokeAsync("AdmitNext", roomId));
    }

    [Fact]
    public async Task Only_the_admitted_student_and_the_tutor_draw_chat_and_receive_the_session()
    {
        var tutorUser = _scenario.Tutor();
        var (roomId, tutor) = await _scenario.OpenRoomAsync(tutorUser);
        await using var _ = tutor;
        var amyUser = _scenario.Student("小艾");
        var boUser = _scenario.Student("小博");
        var (amy, _) = await QueueAsync(amyUser, roomId, "方程");
        var (bo, _) = await QueueAsync(boUser, roomId, "函数");
        await using var a = amy;
        await using var b = bo;

        var started = await tutor.InvokeAsync("AdmitNext", roomId);
        Assert.Equal(amyUser.UserId, started.GetProperty("studentId").GetString());
        var amyStarted = await amy.WaitForTypeAsync("session.started");
        Assert.Equal(started.GetProperty("endsAt").GetString(), amyStarted.GetProperty("data").GetProperty("endsAt").GetString());
        await HubErrors.AssertRefusedAsync("conflict", () => tutor.InvokeAsync("AdmitNext", roomId));

        await HubErrors.AssertRefusedAsync("not_admitted", () => bo.InvokeAsync("DrawStroke", roomId, Stroke(boUser.UserId, 2, "bo-1")));
        await HubErrors.AssertRefusedAsync("not_admitted", () => bo.InvokeAsync("SendChat", roomId, Text(boUser.UserId, 3, "我也看看")));
        await HubErrors.AssertRefusedAsync("not_admitted", () => bo.InvokeAsync("ClearBoard", roomId));
        await HubErrors.AssertRefusedAsync("not_admitted", () => bo.InvokeAsync("EndSession", roomId));
        await HubErrors.AssertRefusedAsync("too_large", () => amy.InvokeAsync("DrawStroke", roomId, Stroke(amyUser.UserId, 2, "huge", points: 2001)));
        await HubErrors.AssertRefusedAsync("invalid_argument", () => amy.InvokeAsync("DrawStroke", roomId, Stroke(amyUser.UserId, 3, "red", color: "red")));
        await HubErrors.AssertRefusedAsync("too_large", () => amy.InvokeAsync("SendChat", roomId, Text(amyUser.UserId, 4, new string('字', 501))));

        var accepted = await amy.InvokeAsync("DrawStroke", roomId, Stroke(amyUser.UserId, 5, "amy-1", points: 2000));
        Assert.Equal(1, accepted.GetProperty("strokeCount").GetInt32());
        await tutor.InvokeAsync("DrawStroke", roomId, Stroke(tutorUser.UserId, 1, "tutor-1"));
        await tutor.InvokeAsync("SendChat", roomId, Text(tutorUser.UserId, 2, "先把x移到左边"));
        await amy.InvokeAsync("SendChat", roomId, Text(amyUser.UserId, 6, "明白了"));
        await amy.Connection.InvokeAsync("ClearBoard", roomId);
        var extended = await tutor.InvokeAsync("ExtendSession", roomId, 5);
        Assert.True(Time(extended.GetProperty("endsAt")) > Time(started.GetProperty("endsAt")));
        await tutor.InvokeAsync("SaveNotes", roomId, "会解一步方程");

        var drawn = await tutor.WaitForCountAsync("stroke.drawn", 2);
        Assert.Equal(2000, drawn[0].GetProperty("data").GetProperty("points").GetArrayLength());
        await tutor.WaitForCountAsync("chat.posted", 2);
        await amy.WaitForCountAsync("stroke.drawn", 2);
        await amy.WaitForCountAsync("chat.posted", 2);
        await amy.WaitForTypeAsync("board.cleared");
        await amy.WaitForTypeAsync("session.extended");

        // Events reach a node in seq order: once Bo has the later queue message, everything before it was sent or withheld.
        await tutor.InvokeAsync("PostQueueMessage", roomId, Text(tutorUser.UserId, 3, "下一位请准备"));
        await bo.WaitForTypeAsync("queue.message");
        var boSaw = bo.Events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.DoesNotContain("stroke.drawn", boSaw);
        Assert.DoesNotContain("chat.posted", boSaw);
        Assert.DoesNotContain("board.cleared", boSaw);
        Assert.DoesNotContain("session.started", boSaw);
        Assert.DoesNotContain("session.extended", boSaw);
        Assert.DoesNotContain("先把x移到左边", string.Join("", bo.Events.Select(e => e.GetRawText())));
        Assert.DoesNotContain(amyUser.UserId, string.Join("", bo.Events.Select(e => e.GetRawText())));
        Assert.DoesNotContain("presence.changed", boSaw);
        await tutor.WaitForTypeAsync("presence.changed", d => d.GetProperty("userId").GetString() == boUser.UserId);
        var boSync = await bo.InvokeAsync("Sync", roomId, 0L);
        Assert.DoesNotContain("stroke.drawn", boSync.GetRawText());

        await amy.Connection.InvokeAsync("EndSession", roomId);
        Assert.Equal("student", Reason(await tutor.WaitForTypeAsync("session.ended")));
        Assert.Equal("student", Reason(await amy.WaitForTypeAsync("session.ended")));
        await bo.WaitForTypeAsync("queue.message");

        using var http = await tutorUser.HttpAsync();
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/tutoring/rooms/{roomId}/sessions");
        var record = Assert.Single(history.EnumerateArray());
        Assert.Equal(amyUser.UserId, record.GetProperty("studentId").GetString());
        Assert.Equal(2, record.GetProperty("strokeCount").GetInt32());
        Assert.Equal("会解一步方程", record.GetProperty("notes").GetString());
        Assert.Equal("student", record.GetProperty("endReason").GetString());
        Assert.Equal("方程", record.GetProperty("topic").GetString());

        // An admission that ended is access lost: the next student's session does not reach Amy's open connection.
        await tutor.InvokeAsync("AdmitNext", roomId);
        await bo.WaitForTypeAsync("session.started");
        await bo.InvokeAsync("DrawStroke", roomId, Stroke(boUser.UserId, 7, "bo-2"));
        await HubErrors.AssertRefusedAsync("not_admitted", () => amy.InvokeAsync("DrawStroke", roomId, Stroke(amyUser.UserId, 7, "amy-late")));
        await tutor.InvokeAsync("PostQueueMessage", roomId, Text(tutorUser.UserId, 4, "小博开始了"));
        await amy.WaitForCountAsync("queue.message", 2);
        Assert.Single(amy.EventsOfType("session.started"));
        Assert.Equal(2, amy.EventsOfType("stroke.drawn").Count);
    }

    [Fact]
    public async Task The_server_ends_the_slot_on_time_after_a_warning_to_both_sides()
    {
        var (roomId, tutor) = await _scenario.OpenRoomAsync(_scenario.Tutor(), slotMinutes: 4);
        await using var _ = tutor;
        var (amy, _) = await QueueAsync(_scenario.Student(), roomId, "方程");
        await using var a = amy;

        var started = await tutor.InvokeAsync("AdmitNext", roomId);
        var endsAt = Time(started.GetProperty("endsAt"));
        Assert.Equal(TimeSpan.FromMinutes(4), endsAt - Time(started.GetProperty("startedAt")));

        shared.Clock.Advance(TimeSpan.FromMinutes(2));
        var warning = await amy.WaitForTypeAsync("session.warning");
        await tutor.WaitForTypeAsync("session.warning");
        Assert.Equal(endsAt - TimeSpan.FromMinutes(2), Time(warning.GetProperty("at")));
        Assert.Equal(120, warning.GetProperty("data").GetProperty("secondsLeft").GetInt32());
        shared.Clock.Advance(TimeSpan.FromMinutes(2));
        var ended = await amy.WaitForTypeAsync("session.ended");
        var tutorEnded = await tutor.WaitForTypeAsync("session.ended");
        Assert.Equal("time_up", Reason(ended));
        Assert.Equal("time_up", Reason(tutorEnded));
        Assert.Equal(endsAt, Time(ended.GetProperty("data").GetProperty("endedAt")));
        await HubErrors.AssertRefusedAsync("not_admitted", () => amy.InvokeAsync("SendChat", roomId, Text("amy", 1, "还在吗")));
    }

    [Fact]
    public async Task An_admitted_student_who_is_not_connected_is_skipped_as_a_no_show_and_told_on_return()
    {
        var (roomId, tutor) = await _scenario.OpenRoomAsync(_scenario.Tutor());
        await using var _ = tutor;
        var amyUser = _scenario.Student();
        var (amy, _) = await QueueAsync(amyUser, roomId, "方程");
        var seq = (await amy.InvokeAsync("Join", roomId)).GetProperty("seq").GetInt64();
        // Leave answers once the room knows the connection is gone, so the admission below cannot see her present.
        await amy.Connection.InvokeAsync("Leave", roomId);
        await amy.DisposeAsync();

        var started = await tutor.InvokeAsync("AdmitNext", roomId);
        shared.Clock.Advance(TimeSpan.FromMinutes(3));
        var ended = await tutor.WaitForTypeAsync("session.ended");
        Assert.Equal("no_show", Reason(ended));
        Assert.Equal(Time(started.GetProperty("startedAt")) + TimeSpan.FromMinutes(3), Time(ended.GetProperty("data").GetProperty("endedAt")));

        await using var back = await amyUser.ConnectAsync(Hub);
        var snapshot = (await back.InvokeAsync("Join", roomId)).GetProperty("snapshot");
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("session").ValueKind);
        var missed = (await back.InvokeAsync("Sync", roomId, seq)).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(missed, e => e.GetProperty("type").GetString() == "session.ended" && Reason(e) == "no_show");
        using var http = await amyUser.HttpAsync();
        var mine = await http.GetFromJsonAsync<JsonElement>("/api/me/tutoring/sessions");
        Assert.Equal("no_show", Assert.Single(mine.EnumerateArray()).GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task A_session_survives_a_dropped_connection_within_the_grace_and_resumes_with_board_and_chat()
    {
        var tutorUser = _scenario.Tutor();
        var (roomId, tutor) = await _scenario.OpenRoomAsync(tutorUser);
        await using var _ = tutor;
        var amyUser = _scenario.Student();
        var (amy, _) = await QueueAsync(amyUser, roomId, "方程");
        await tutor.InvokeAsync("AdmitNext", roomId);
        await amy.InvokeAsync("DrawStroke", roomId, Stroke(amyUser.UserId, 2, "amy-1"));
        await tutor.InvokeAsync("SendChat", roomId, Text(tutorUser.UserId, 1, "网络还好吗"));
        await tutor.WaitForTypeAsync("chat.posted");
        await amy.DisposeAsync();

        await using var back = await amyUser.ConnectAsync(Hub);
        var joined = await back.InvokeAsync("Join", roomId);
        var session = joined.GetProperty("snapshot").GetProperty("session");
        Assert.Equal("amy-1", session.GetProperty("strokes")[0].GetProperty("strokeId").GetString());
        Assert.Equal("网络还好吗", session.GetProperty("chat")[0].GetProperty("text").GetString());
        Assert.Equal("admitted", joined.GetProperty("snapshot").GetProperty("role").GetString());

        var resent = await back.InvokeAsync("DrawStroke", roomId, Stroke(amyUser.UserId, 2, "amy-1"));
        Assert.Equal(1, resent.GetProperty("strokeCount").GetInt32());
        await tutor.InvokeAsync("DrawStroke", roomId, Stroke(tutorUser.UserId, 2, "tutor-1"));
        var drawn = await back.WaitForTypeAsync("stroke.drawn", d => d.GetProperty("strokeId").GetString() == "tutor-1");
        Assert.Equal(joined.GetProperty("seq").GetInt64() + 1, drawn.GetProperty("seq").GetInt64());
        Assert.Empty(tutor.EventsOfType("session.ended"));
    }

    [Fact]
    public async Task A_session_whose_student_stays_away_longer_than_the_grace_ends_as_disconnected()
    {
        var (roomId, tutor) = await _scenario.OpenRoomAsync(_scenario.Tutor());
        await using var _ = tutor;
        var (amy, _) = await QueueAsync(_scenario.Student(), roomId, "方程");
        var amyId = (await tutor.InvokeAsync("AdmitNext", roomId)).GetProperty("studentId").GetString();
        await amy.WaitForTypeAsync("session.started");
        var droppedAt = shared.Clock.GetUtcNow();
        await amy.DisposeAsync();
        // The tutor hears she left once the room does: the grace counts from there.
        await tutor.WaitForAsync(e => e.GetProperty("type").GetString() == "presence.changed"
            && e.GetProperty("data").GetProperty("userId").GetString() == amyId && !e.GetProperty("data").GetProperty("online").GetBoolean());

        shared.Clock.Advance(TimeSpan.FromMinutes(7));
        var within = await tutor.InvokeAsync("Join", roomId);
        Assert.Equal(amyId, within.GetProperty("snapshot").GetProperty("session").GetProperty("studentId").GetString());
        shared.Clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await tutor.WaitForAsync(e => e.GetProperty("type").GetString() == "session.ended");
        Assert.Equal("disconnected", Reason(ended));
        Assert.Equal(droppedAt + TimeSpan.FromMinutes(8), Time(ended.GetProperty("data").GetProperty("endedAt")));
    }

    [Fact]
    public async Task The_directory_lists_open_rooms_of_a_subject_with_queue_lengths()
    {
        var subject = $"物理-{Guid.NewGuid():N}"[..20];
        var tutorUser = _scenario.Tutor();
        var (roomId, tutor) = await _scenario.OpenRoomAsync(tutorUser, subject: subject);
        await using var _ = tutor;
        var closedRoom = await _scenario.CreateRoomAsync(_scenario.Tutor(), subject: subject);
        var student = _scenario.Student();
        using var http = await student.HttpAsync();
        var url = $"/api/tutoring/rooms?subject={Uri.EscapeDataString(subject.ToUpperInvariant())}";
        Task<JsonElement> ReadAsync() => http.GetFromJsonAsync<JsonElement>(url);

        var listed = await EventuallyAsync(ReadAsync, rooms => rooms.GetArrayLength() == 1);
        Assert.Equal(roomId, listed[0].GetProperty("roomId").GetString());
        Assert.Equal(0, listed[0].GetProperty("queueLength").GetInt32());
        Assert.DoesNotContain(closedRoom, listed.GetRawText());
        var everySubject = await http.GetFromJsonAsync<JsonElement>("/api/tutoring/rooms");
        Assert.Contains(everySubject.EnumerateArray(), r => r.GetProperty("roomId").GetString() == roomId);
        Assert.DoesNotContain(everySubject.EnumerateArray(), r => r.GetProperty("roomId").GetString() == closedRoom);

        var (amy, _) = await QueueAsync(student, roomId, "力学");
        await using var a = amy;
        await EventuallyAsync(ReadAsync, rooms => rooms.GetArrayLength() == 1 && rooms[0].GetProperty("queueLength").GetInt32() == 1);
        await tutor.InvokeAsync("AdmitNext", roomId);
        await EventuallyAsync(ReadAsync, rooms => rooms[0].GetProperty("queueLength").GetInt32() == 0 && rooms[0].GetProperty("inSession").GetBoolean());
        await tutor.InvokeAsync("Close", roomId);
        await EventuallyAsync(ReadAsync, rooms => rooms.GetArrayLength() == 0);

        await ProblemAssert.IsAsync(await http.GetAsync($"/api/tutoring/rooms?subject={new string('x', 51)}"), HttpStatusCode.RequestEntityTooLarge, "too_large");
        var room = await http.GetFromJsonAsync<JsonElement>($"/api/tutoring/rooms/{roomId}");
        Assert.Equal((tutorUser.UserId, false), (room.GetProperty("tutorId").GetString(), room.GetProperty("open").GetBoolean()));
        await ProblemAssert.IsAsync(await http.GetAsync("/api/tutoring/rooms/tr-nothere"), HttpStatusCode.NotFound, "not_found");
    }
}
