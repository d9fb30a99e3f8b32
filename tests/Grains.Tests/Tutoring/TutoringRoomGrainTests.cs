using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Tutoring;

/// <summary>The room grain on a cluster whose clock the tests move: every deadline comes due by advancing it, none by waiting.</summary>
[Collection(TutoringClusterCollection.Name)]
public sealed class TutoringRoomGrainTests(TutoringClusterFixture fixture)
{
    private static readonly Caller Tutor = new("tutor-1", "张老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller OtherTeacher = new("teacher-2", "李老师", Roles.Teacher, "school-b", "county-b");
    private static readonly Caller Amy = new("student-amy", "小艾", Roles.Student, "school-c", "county-c");
    private static readonly Caller Bo = new("student-bo", "小博", Roles.Student, "school-d", "county-d");
    private static readonly Caller Cai = new("student-cai", "小蔡", Roles.Student, "school-e", "county-e");

    private static double[][] Points(int count) => Enumerable.Range(0, count).Select(i => new double[] { i, i }).ToArray();

    private static async Task<string> RefusalAsync(Func<Task> call) => (await Assert.ThrowsAsync<CollabException>(call)).Code;

    private async Task<ITutoringRoomGrain> OpenRoomAsync(int slotMinutes = 60, string subject = "数学")
    {
        var room = fixture.Grains.GetGrain<ITutoringRoomGrain>($"tr-{Guid.NewGuid():N}");
        await room.CreateAsync(Tutor, new CreateTutoringRoom("初二数学答疑", subject, slotMinutes));
        await room.OpenAsync(Tutor);
        return room;
    }

    [Fact]
    public async Task Only_teachers_create_rooms_with_valid_fields()
    {
        var room = fixture.Grains.GetGrain<ITutoringRoomGrain>($"tr-{Guid.NewGuid():N}");
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.CreateAsync(Amy, new CreateTutoringRoom("t", "数学", 20))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => room.CreateAsync(Tutor, new CreateTutoringRoom("t", "数学", 0))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => room.CreateAsync(Tutor, new CreateTutoringRoom("t", "数学", 121))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => room.CreateAsync(Tutor, new CreateTutoringRoom(" ", "数学", 20))));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => room.GetAsync()));

        var info = await room.CreateAsync(Tutor, new CreateTutoringRoom("答疑", "数学", 20));
        Assert.Equal(Tutor.UserId, info.TutorId);
        Assert.False(info.Open);
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.CreateAsync(Tutor, new CreateTutoringRoom("again", "数学", 20))));
    }

    [Fact]
    public async Task Only_the_tutor_opens_closes_admits_extends_and_writes_notes()
    {
        var room = await OpenRoomAsync();
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        foreach (var intruder in new[] { OtherTeacher, Amy })
        {
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.OpenAsync(intruder)));
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.CloseAsync(intruder)));
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.AdmitNextAsync(intruder)));
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.ExtendSessionAsync(intruder, 5)));
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.SaveNotesAsync(intruder, "x")));
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.PostQueueMessageAsync(intruder, new CommandId("x", 1), "hi")));
            Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.HistoryAsync(intruder)));
        }
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.RequestHelpAsync(OtherTeacher, new CommandId("t2", 1), "help")));
        Assert.True((await room.GetAsync()).Open);
    }

    [Fact]
    public async Task The_queue_is_first_come_first_served_and_a_repeat_keeps_its_place()
    {
        var room = await OpenRoomAsync();
        Assert.Equal(1, (await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程")).Position);
        Assert.Equal(2, (await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数")).Position);
        Assert.Equal(3, (await room.RequestHelpAsync(Cai, new CommandId("cai", 1), "几何")).Position);
        Assert.Equal(1, (await room.RequestHelpAsync(Amy, new CommandId("amy", 2), "again")).Position);
        Assert.Equal(2, (await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数")).Position);

        await room.CancelRequestAsync(Amy);
        await room.CancelRequestAsync(Amy);
        var cai = JsonDocument.Parse((await room.JoinAsync(Cai)).SnapshotJson).RootElement;
        Assert.Equal(2, cai.GetProperty("myPosition").GetInt32());
        Assert.Equal(2, cai.GetProperty("queueLength").GetInt32());
        Assert.Equal(0, cai.GetProperty("queue").GetArrayLength());
        var tutor = JsonDocument.Parse((await room.JoinAsync(Tutor)).SnapshotJson).RootElement;
        Assert.Equal([Bo.UserId, Cai.UserId], tutor.GetProperty("queue").EnumerateArray().Select(e => e.GetProperty("studentId").GetString()));

        var started = await room.AdmitNextAsync(Tutor);
        Assert.Equal(Bo.UserId, started.StudentId);
        Assert.Equal("函数", started.Topic);
    }

    [Fact]
    public async Task A_queue_change_sends_one_position_to_each_student_who_moved_and_the_queue_to_the_tutor_only()
    {
        var room = await OpenRoomAsync();
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Amy.UserId, Bo.UserId, Cai.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数");
        await room.RequestHelpAsync(Cai, new CommandId("cai", 1), "几何");
        await watcher.WaitForAsync("queue.changed", d => d.TryGetProperty("queue", out var queue) && queue.GetArrayLength() == 3);
        // The third student's own position is a push of its own, which may arrive after the tutor's.
        await watcher.WaitForAsync("queue.changed", d => d.TryGetProperty("position", out var position) && position.GetInt32() == 3);
        var before = watcher.Events.Count;

        await room.AdmitNextAsync(Tutor);
        var changes = await watcher.WaitForCountAsync("queue.changed", before, 3);
        Assert.All(changes, e => Assert.True(e.IsEphemeral));
        Assert.Equal([Bo.UserId, Cai.UserId, Tutor.UserId], changes.Select(e => e.Audience!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(changes.Where(e => e.Audience != Tutor.UserId), e => e.DataJson.Contains(Amy.UserId) || e.DataJson.Contains("queue"));

        await room.RequestHelpAsync(Bo, new CommandId("bo", 2), "函数");
        await room.CancelRequestAsync(Cai);
        var all = await watcher.WaitForCountAsync("queue.changed", before, 4);
        Assert.Equal(Tutor.UserId, all[3].Audience);
        Assert.Contains("\"length\":1", all[3].DataJson);
        var dan = new Caller("student-dan", "小丹", Roles.Student, "school-f", "county-f");
        await room.RequestHelpAsync(dan, new CommandId("dan", 1), "二次函数");
        var joined = (await watcher.WaitForCountAsync("queue.changed", before, 6)).Skip(4).ToList();
        Assert.Equal([dan.UserId, Tutor.UserId], joined.Select(e => e.Audience!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Admission_needs_an_open_room_an_idle_tutor_and_someone_waiting()
    {
        var room = await OpenRoomAsync();
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.AdmitNextAsync(Tutor)));
        await RoomWatcher.SubscribeAsync(fixture.Grains, room, Amy.UserId, Bo.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数");
        await room.AdmitNextAsync(Tutor);
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.AdmitNextAsync(Tutor)));
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.RequestHelpAsync(Amy, new CommandId("amy", 2), "again")));

        await room.CloseAsync(Tutor);
        Assert.Equal(ErrorCodes.NotOpen, await RefusalAsync(() => room.AdmitNextAsync(Tutor)));
        Assert.Equal(ErrorCodes.NotOpen, await RefusalAsync(() => room.RequestHelpAsync(Bo, new CommandId("bo", 2), "函数")));
        var history = await room.HistoryAsync(Tutor);
        Assert.Equal("room_closed", Assert.Single(history).EndReason);
        var bo = JsonDocument.Parse((await room.JoinAsync(Bo)).SnapshotJson).RootElement;
        Assert.Equal(JsonValueKind.Null, bo.GetProperty("myPosition").ValueKind);
    }

    [Fact]
    public async Task Only_the_tutor_and_the_admitted_student_draw_chat_and_see_it()
    {
        var room = await OpenRoomAsync();
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Amy.UserId, Bo.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数");
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.DrawStrokeAsync(Tutor, new CommandId("t", 1), new StrokeInput("s0", Points(2), "#000", 2))));
        await room.AdmitNextAsync(Tutor);

        var stroke = new StrokeInput("s1", Points(3), "#ff0000", 2);
        Assert.Equal(ErrorCodes.NotAdmitted, await RefusalAsync(() => room.DrawStrokeAsync(Bo, new CommandId("bo", 2), stroke)));
        Assert.Equal(ErrorCodes.NotAdmitted, await RefusalAsync(() => room.SendChatAsync(Bo, new CommandId("bo", 3), "hi")));
        Assert.Equal(ErrorCodes.NotAdmitted, await RefusalAsync(() => room.ClearBoardAsync(Bo)));
        Assert.Equal(ErrorCodes.NotAdmitted, await RefusalAsync(() => room.EndSessionAsync(Bo)));
        Assert.Equal(ErrorCodes.TooLarge, await RefusalAsync(() => room.DrawStrokeAsync(Amy, new CommandId("amy", 2), new StrokeInput("big", Points(2001), "#000", 2))));
        Assert.Equal(ErrorCodes.TooLarge, await RefusalAsync(() => room.SendChatAsync(Amy, new CommandId("amy", 3), new string('字', 501))));

        var seqBefore = (await room.JoinAsync(Tutor)).Seq;
        Assert.Equal(1, (await room.DrawStrokeAsync(Amy, new CommandId("amy", 4), stroke)).StrokeCount);
        Assert.Equal(1, (await room.DrawStrokeAsync(Amy, new CommandId("amy", 4), stroke)).StrokeCount);
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.DrawStrokeAsync(Tutor, new CommandId("t", 2), stroke)));
        await room.SendChatAsync(Tutor, new CommandId("t", 3), "先看第一题");

        var drawn = await watcher.WaitForAsync("stroke.drawn");
        Assert.Equal([Tutor.UserId, Amy.UserId], drawn.Audiences!);
        Assert.False(drawn.IsVisibleTo(Bo.UserId));
        Assert.Empty((await room.SyncAsync(Bo, seqBefore)).Events);
        Assert.Equal(["stroke.drawn", "chat.posted"], (await room.SyncAsync(Amy, seqBefore)).Events.Select(e => e.Type));

        var amy = JsonDocument.Parse((await room.JoinAsync(Amy)).SnapshotJson).RootElement;
        Assert.Equal("admitted", amy.GetProperty("role").GetString());
        Assert.Equal("s1", amy.GetProperty("session").GetProperty("strokes")[0].GetProperty("strokeId").GetString());
        Assert.Equal("先看第一题", amy.GetProperty("session").GetProperty("chat")[0].GetProperty("text").GetString());
        var bo = JsonDocument.Parse((await room.JoinAsync(Bo)).SnapshotJson).RootElement;
        Assert.Equal(JsonValueKind.Null, bo.GetProperty("session").ValueKind);
        Assert.Equal(1, bo.GetProperty("myPosition").GetInt32());

        await room.ClearBoardAsync(Amy);
        await room.SaveNotesAsync(Tutor, "掌握了移项");
        await room.EndSessionAsync(Amy);
        var record = Assert.Single(await room.HistoryAsync(Tutor));
        Assert.Equal(("student", 1, 1, "掌握了移项"), (record.EndReason, record.StrokeCount, record.ChatCount, record.Notes));
        var retained = (await room.SyncAsync(Tutor, seqBefore)).Events.Single(e => e.Type == "stroke.drawn");
        var trimmed = JsonDocument.Parse(retained.DataJson).RootElement;
        Assert.Equal("s1", trimmed.GetProperty("strokeId").GetString());
        Assert.True(trimmed.GetProperty("trimmed").GetBoolean());
        Assert.False(trimmed.TryGetProperty("points", out _));
        Assert.Equal(record, Assert.Single(await fixture.Grains.GetGrain<ITutoringStudentGrain>(Amy.UserId).ListAsync(), r => r.RoomId == record.RoomId));

        // The stroke's event-log row still has its points; the trimmed event the snapshot kept wins over it.
        await fixture.DeactivateAllAsync();
        var reloaded = (await room.SyncAsync(Tutor, seqBefore)).Events.Single(e => e.Type == "stroke.drawn");
        Assert.Equal(retained.DataJson, reloaded.DataJson);
    }

    [Fact]
    public async Task The_server_warns_then_ends_the_slot_on_time()
    {
        var room = await OpenRoomAsync(slotMinutes: 3);
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Amy.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        var started = await room.AdmitNextAsync(Tutor);
        Assert.Equal(TimeSpan.FromMinutes(3), started.EndsAt - started.StartedAt);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var warning = await watcher.WaitForAsync("session.warning");
        Assert.Equal(started.EndsAt - TimeSpan.FromMinutes(1), warning.At);
        Assert.Equal(60, JsonDocument.Parse(warning.DataJson).RootElement.GetProperty("secondsLeft").GetInt32());
        Assert.Empty(await room.HistoryAsync(Tutor));

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await watcher.WaitForAsync("session.ended");
        Assert.Equal("time_up", JsonDocument.Parse(ended.DataJson).RootElement.GetProperty("reason").GetString());
        Assert.Equal(started.EndsAt, ended.At);
        Assert.Single(watcher.Events, e => e.Type == "session.warning");
        Assert.Equal("time_up", Assert.Single(await room.HistoryAsync(Tutor)).EndReason);
    }

    [Fact]
    public async Task An_extension_moves_the_end_and_the_warning()
    {
        var room = await OpenRoomAsync(slotMinutes: 2);
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Amy.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        var started = await room.AdmitNextAsync(Tutor);
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => room.ExtendSessionAsync(Tutor, 0)));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => room.ExtendSessionAsync(Tutor, 61)));
        var endsAt = await room.ExtendSessionAsync(Tutor, 3);
        Assert.Equal(started.EndsAt + TimeSpan.FromMinutes(3), endsAt);
        Assert.Equal(endsAt, JsonDocument.Parse((await watcher.WaitForAsync("session.extended")).DataJson).RootElement.GetProperty("endsAt").GetDateTimeOffset());

        // Past the first slot's end and its warning time: the session runs on, and the warning is for the new end.
        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        var warning = await watcher.WaitForAsync("session.warning");
        Assert.Equal(endsAt, JsonDocument.Parse(warning.DataJson).RootElement.GetProperty("endsAt").GetDateTimeOffset());
        Assert.DoesNotContain(watcher.Events, e => e.Type == "session.ended");

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await watcher.WaitForAsync("session.ended");
        Assert.Equal(endsAt, ended.At);
    }

    [Fact]
    public async Task An_admitted_student_who_never_connects_is_skipped_as_a_no_show()
    {
        var room = await OpenRoomAsync();
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        var started = await room.AdmitNextAsync(Tutor);

        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var ended = await watcher.WaitForAsync("session.ended");
        Assert.Equal("no_show", JsonDocument.Parse(ended.DataJson).RootElement.GetProperty("reason").GetString());
        Assert.Equal([Tutor.UserId, Amy.UserId], ended.Audiences!);
        Assert.Equal(started.StartedAt + TimeSpan.FromMinutes(3), ended.At);
        var mine = (await fixture.Grains.GetGrain<ITutoringStudentGrain>(Amy.UserId).ListAsync()).Single(r => r.RoomId == room.GetPrimaryKeyString());
        Assert.Equal("no_show", mine.EndReason);
    }

    [Fact]
    public async Task Notes_written_after_the_end_reach_the_history_and_the_students_list()
    {
        var room = await OpenRoomAsync();
        await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Bo.UserId);
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.SaveNotesAsync(Tutor, "nothing yet")));
        await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数");
        await room.AdmitNextAsync(Tutor);
        await room.EndSessionAsync(Tutor);
        Assert.Equal(ErrorCodes.TooLarge, await RefusalAsync(() => room.SaveNotesAsync(Tutor, new string('x', 4001))));
        await room.SaveNotesAsync(Tutor, "下次讲一次函数图像");

        var record = Assert.Single(await room.HistoryAsync(Tutor));
        Assert.Equal(("tutor", "下次讲一次函数图像"), (record.EndReason, record.Notes));
        var mine = (await fixture.Grains.GetGrain<ITutoringStudentGrain>(Bo.UserId).ListAsync()).Single(r => r.RoomId == record.RoomId);
        Assert.Equal("下次讲一次函数图像", mine.Notes);
    }

    [Fact]
    public async Task A_running_session_with_its_board_survives_reactivation_and_the_reminder_ends_it_with_no_silo_holding_the_room()
    {
        var room = await OpenRoomAsync(slotMinutes: 4);
        await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Cai.UserId);
        await room.RequestHelpAsync(Cai, new CommandId("cai", 1), "几何");
        var started = await room.AdmitNextAsync(Tutor);
        await room.DrawStrokeAsync(Tutor, new CommandId("t", 1), new StrokeInput("s1", Points(5), "#00f", 3));
        await room.UnsubscribeNodeAsync("test-node");
        Assert.Empty(await room.HistoryAsync(Tutor));

        await fixture.DeactivateAllAsync();
        var statistics = await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        Assert.Equal(0, statistics.Where(s => s.GrainType.Contains("TutoringRoomGrain")).Sum(s => s.ActivationCount));

        // Only the reminder, on the same clock, can end the slot: no activation had a ticker when the clock moved, and
        // the one the watcher's subscription may make next ticks only when the clock moves again.
        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId);
        if ((await room.HistoryAsync(Tutor)).Count == 0)
        {
            await watcher.WaitForAsync("session.ended");
        }
        // The room records the session for the student in the turn that ended it, which this call waits behind.
        var record = (await room.HistoryAsync(Tutor)).Single();
        Assert.Equal((1, "time_up", started.EndsAt), (record.StrokeCount, record.EndReason, record.EndedAt));
        var mine = await fixture.Grains.GetGrain<ITutoringStudentGrain>(Cai.UserId).ListAsync();
        Assert.Equal(record, Assert.Single(mine, r => r.RoomId == room.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task Strokes_and_chat_are_event_log_rows_and_come_back_with_their_audience_and_resends_after_reactivation()
    {
        var room = await OpenRoomAsync();
        await RoomWatcher.SubscribeAsync(fixture.Grains, room, Tutor.UserId, Amy.UserId, Bo.UserId);
        await room.RequestHelpAsync(Amy, new CommandId("amy", 1), "方程");
        await room.RequestHelpAsync(Bo, new CommandId("bo", 1), "函数");
        await room.AdmitNextAsync(Tutor);
        var seqBefore = (await room.JoinAsync(Tutor)).Seq;
        var strokes = new List<StrokeAccepted>();
        for (var i = 1; i <= 7; i++)
        {
            strokes.Add(await room.DrawStrokeAsync(i % 2 == 0 ? Amy : Tutor, new CommandId(i % 2 == 0 ? "amy" : "t", 10 + i), new StrokeInput($"s{i}", Points(i + 1), "#00f", 2)));
        }
        var chat = await room.SendChatAsync(Amy, new CommandId("amy", 30), "老师，第二步不懂");

        var stream = $"tutoring/{room.GetPrimaryKeyString()}";
        Assert.Equal(Enumerable.Range((int)seqBefore + 1, 8).Select(i => (long)i), fixture.LiveEvents.Seqs(stream));
        var amyBefore = JsonDocument.Parse((await room.JoinAsync(Amy)).SnapshotJson).RootElement.GetRawText();
        var syncBefore = await room.SyncAsync(Amy, seqBefore);

        await fixture.DeactivateAllAsync();

        Assert.Equal(amyBefore, JsonDocument.Parse((await room.JoinAsync(Amy)).SnapshotJson).RootElement.GetRawText());
        // Records compare their audience arrays by reference; their JSON compares them by value.
        Assert.Equal(JsonSerializer.Serialize(syncBefore.Events), JsonSerializer.Serialize((await room.SyncAsync(Amy, seqBefore)).Events));
        Assert.All(syncBefore.Events, e => Assert.Equal([Tutor.UserId, Amy.UserId], e.Audiences!));
        Assert.Equal(8, syncBefore.Events.Count);
        Assert.Empty((await room.SyncAsync(Bo, seqBefore)).Events);
        Assert.Equal(strokes[3], await room.DrawStrokeAsync(Amy, new CommandId("amy", 14), new StrokeInput("s4", Points(5), "#00f", 2)));
        Assert.Equal(chat, await room.SendChatAsync(Amy, new CommandId("amy", 30), "老师，第二步不懂"));
        Assert.Equal(8, (await room.DrawStrokeAsync(Tutor, new CommandId("t", 40), new StrokeInput("s8", Points(2), "#00f", 2))).StrokeCount);
        await room.EndSessionAsync(Tutor);
        Assert.Equal(8, (await room.HistoryAsync(Tutor)).Single(r => r.StudentId == Amy.UserId).StrokeCount);
    }
}
