using System.Net.Http.Json;
using System.Text.Json;
using Collab.Api.Tests.Infrastructure;
using static Collab.Api.Tests.Tutoring.TutoringScenario;

namespace Collab.Api.Tests.Tutoring;

/// <summary>
/// Rooms, queues, running sessions and their deadlines survive a restart, on the embedded default (co-hosted silo,
/// SQLite file) and on PostgreSQL. Both processes of a test share one moved clock (<see cref="TutoringApiHost.NewClock"/>).
/// </summary>
public sealed class TutoringRestartTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private async Task<Dictionary<string, string?>> SettingsAsync(string storage)
    {
        var settings = new Dictionary<string, string?>(TutoringApiHost.Settings);
        if (storage == "postgres")
        {
            settings["Collab:Storage"] = "postgres";
            settings["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync();
        }
        return settings;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Queue_running_session_board_chat_and_seq_survive_a_restart(string storage)
    {
        using var folder = new DataFolder();
        var settings = await SettingsAsync(storage);
        string roomId;
        long seq;
        var clock = TutoringApiHost.NewClock();
        var host = new ApiHost(folder.Path, settings, builder => FakeGrainClock.Install(builder.Services, clock));
        await host.StartAsync();
        try
        {
            var scenario = new TutoringScenario(host);
            var (id, tutor) = await scenario.OpenRoomAsync(host.User("tutor-restart", "teacher"), slotMinutes: 120);
            roomId = id;
            await using var _ = tutor;
            var (amy, _) = await QueueAsync(host.User("amy-restart", "student"), roomId, "方程");
            var (bo, _) = await QueueAsync(host.User("bo-restart", "student"), roomId, "函数");
            await using var a = amy;
            await using var b = bo;
            await tutor.InvokeAsync("AdmitNext", roomId);
            await amy.InvokeAsync("DrawStroke", roomId, Stroke("amy-tab", 1, "s1", points: 50));
            await tutor.InvokeAsync("SendChat", roomId, Text("tutor-tab", 1, "重启之前"));
            await tutor.InvokeAsync("SaveNotes", roomId, "草稿");
            seq = (await tutor.WaitForTypeAsync("chat.posted")).GetProperty("seq").GetInt64();
        }
        finally
        {
            await host.StopAsync();
        }

        var restarted = new ApiHost(folder.Path, settings, builder => FakeGrainClock.Install(builder.Services, clock));
        await restarted.StartAsync();
        try
        {
            await using var tutor = await restarted.User("tutor-restart", "teacher").ConnectAsync(Hub);
            await using var amy = await restarted.User("amy-restart", "student").ConnectAsync(Hub);
            await using var bo = await restarted.User("bo-restart", "student").ConnectAsync(Hub);
            var tutorJoined = await tutor.InvokeAsync("Join", roomId);
            var amyJoined = await amy.InvokeAsync("Join", roomId);
            var boJoined = await bo.InvokeAsync("Join", roomId);

            Assert.Equal(seq, tutorJoined.GetProperty("seq").GetInt64());
            var session = tutorJoined.GetProperty("snapshot").GetProperty("session");
            Assert.Equal("amy-restart", session.GetProperty("studentId").GetString());
            Assert.Equal("草稿", session.GetProperty("notes").GetString());
            Assert.Equal(50, session.GetProperty("strokes")[0].GetProperty("points").GetArrayLength());
            Assert.Equal("重启之前", amyJoined.GetProperty("snapshot").GetProperty("session").GetProperty("chat")[0].GetProperty("text").GetString());
            Assert.Equal(1, boJoined.GetProperty("snapshot").GetProperty("myPosition").GetInt32());
            Assert.Equal(["bo-restart"], tutorJoined.GetProperty("snapshot").GetProperty("queue").EnumerateArray().Select(e => e.GetProperty("studentId").GetString()));

            var resent = await amy.InvokeAsync("DrawStroke", roomId, Stroke("amy-tab", 1, "s1", points: 50));
            Assert.Equal(1, resent.GetProperty("strokeCount").GetInt32());
            await tutor.InvokeAsync("DrawStroke", roomId, Stroke("tutor-tab", 2, "s2"));
            var next = await amy.WaitForTypeAsync("stroke.drawn");
            Assert.Equal(seq + 1, next.GetProperty("seq").GetInt64());
            await HubErrors.AssertRefusedAsync("conflict", () => tutor.InvokeAsync("AdmitNext", roomId));
        }
        finally
        {
            await restarted.StopAsync();
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_slot_that_comes_due_while_the_process_is_down_is_ended_by_the_server_after_the_restart(string storage)
    {
        using var folder = new DataFolder();
        var settings = await SettingsAsync(storage);
        string roomId;
        DateTimeOffset endsAt;
        var student = "amy-due";
        var clock = TutoringApiHost.NewClock();
        var host = new ApiHost(folder.Path, settings, builder => FakeGrainClock.Install(builder.Services, clock));
        await host.StartAsync();
        try
        {
            var scenario = new TutoringScenario(host);
            var (id, tutor) = await scenario.OpenRoomAsync(host.User("tutor-due", "teacher"), slotMinutes: 10);
            roomId = id;
            await using var _ = tutor;
            var (amy, _) = await QueueAsync(host.User(student, "student"), roomId, "方程");
            await using var a = amy;
            endsAt = Time((await tutor.InvokeAsync("AdmitNext", roomId)).GetProperty("endsAt"));
        }
        finally
        {
            await host.StopAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        var restartedAt = clock.GetUtcNow();
        var restarted = new ApiHost(folder.Path, settings, builder => FakeGrainClock.Install(builder.Services, clock));
        await restarted.StartAsync();
        try
        {
            // Nobody joins the room: only the durable reminder can end the slot. Reading the student's own list does not touch the room.
            // An overdue reminder fires at its next period (a minute) once the restarted silo has read it back, a moment
            // the test cannot see: each read moves the clock on by a period until the session is there.
            using var http = await restarted.User(student, "student").HttpAsync();
            var mine = await EventuallyAsync(() =>
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                return http.GetFromJsonAsync<JsonElement>("/api/me/tutoring/sessions");
            }, sessions => sessions.GetArrayLength() == 1);
            var record = mine[0];
            Assert.Equal(roomId, record.GetProperty("roomId").GetString());
            Assert.Equal("time_up", record.GetProperty("endReason").GetString());
            var endedAt = Time(record.GetProperty("endedAt"));
            Assert.True(endedAt > restartedAt, $"ended at {endedAt:O}, not after the restart at {restartedAt:O}");
            Assert.True(restartedAt > endsAt);
        }
        finally
        {
            await restarted.StopAsync();
        }
    }
}
