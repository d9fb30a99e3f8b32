using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;
using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

/// <summary>The room's rules on their own: no grain, no storage, the time given.</summary>
public sealed class TutoringRoomDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly SessionRules Rules = new(new SessionTimings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(4)));
    private static readonly Caller Tutor = new("tutor-1", "张老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller OtherTeacher = new("teacher-2", "李老师", Roles.Teacher, "school-b", "county-b");
    private static readonly Caller Admin = new("admin-1", "管理员", Roles.Admin, "", "");
    private static readonly Caller Amy = new("student-amy", "小艾", Roles.Student, "school-c", "county-c");
    private static readonly Caller Bo = new("student-bo", "小博", Roles.Student, "school-d", "county-d");

    private readonly TutoringRoomState _state = new();

    private TutoringRoomDocument Room => new("room-1", _state, Rules);

    private static string Refusal(Action action) => Assert.Throws<CollabException>(action).Code;

    private static StrokeInput Stroke(string id, int points = 3) =>
        new(id, Enumerable.Range(0, points).Select(i => new double[] { i, i }).ToArray(), "#FF0000", 2);

    private TutoringRoomDocument OpenRoom(int slotMinutes = 20)
    {
        Room.Create(TutoringRoomSetup.Checked("room-1", Room.Exists, Tutor, new CreateTutoringRoom("初二数学答疑", "数学", slotMinutes)));
        Room.Open();
        return Room;
    }

    private TutoringRoomDocument InSession(Caller student, int slotMinutes = 20, bool online = true)
    {
        var room = OpenRoom(slotMinutes);
        room.RequestHelp(student, "方程", At);
        room.AdmitNext(Tutor, At, _ => online);
        return room;
    }

    /// <summary>A refusal changes nothing: the state serializes the same before and after.</summary>
    private void AssertRefusedUnchanged(string code, Action action)
    {
        var before = LiveJson.Serialize(_state);
        Assert.Equal(code, Refusal(action));
        Assert.Equal(before, LiveJson.Serialize(_state));
    }

    [Fact]
    public void A_missing_room_is_not_found_for_every_reader_and_command()
    {
        Assert.False(Room.Exists);
        Assert.Equal(ErrorCodes.NotFound, Refusal(() => _ = Room.Info));
        Assert.Equal(ErrorCodes.NotFound, Refusal(() => Room.RequireTutor(Tutor)));
        Assert.Equal(ErrorCodes.NotFound, Refusal(() => Room.CancelRequest(Amy.UserId)));
        Assert.Equal(ErrorCodes.NotFound, Refusal(() => Room.History(Tutor)));
        Assert.Equal(ErrorCodes.NotFound, Refusal(() => Room.IsWaiting(Amy.UserId)));
        Assert.Equal(ErrorCodes.NotFound, Refusal(() => Room.RequestHelp(Amy, "方程", At)));
    }

    [Fact]
    public void A_closed_room_takes_no_requests_admissions_or_queue_messages()
    {
        Room.Create(TutoringRoomSetup.Checked("room-1", false, Tutor, new CreateTutoringRoom("t", "数学", 20)));
        AssertRefusedUnchanged(ErrorCodes.NotOpen, () => Room.RequestHelp(Amy, "方程", At));
        AssertRefusedUnchanged(ErrorCodes.NotOpen, () => Room.AdmitNext(Tutor, At, _ => true));
        AssertRefusedUnchanged(ErrorCodes.NotOpen, () => Room.Messages.QueueMessage(Tutor, "稍等", At));
        Assert.IsType<RoomOpenedEvent>(Room.Open());
        Assert.True(Room.Info.Open);
    }

    [Fact]
    public void Opening_and_closing_are_the_tutors_and_a_repeat_has_nothing_to_change()
    {
        Room.Create(TutoringRoomSetup.Checked("room-1", false, Tutor, new CreateTutoringRoom("t", "数学", 20)));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => Room.WouldChange(OtherTeacher, open: true));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => Room.WouldChange(Amy, open: false));
        Assert.True(Room.WouldChange(Tutor, open: true));
        Assert.False(Room.WouldChange(Tutor, open: false));
        Room.Open();
        Assert.False(Room.WouldChange(Tutor, open: true));
        Assert.True(Room.WouldChange(Tutor, open: false));
        Assert.False(Room.IsWaiting(Amy.UserId));
        Room.RequestHelp(Amy, "方程", At);
        Assert.True(Room.IsWaiting(Amy.UserId));
    }

    [Fact]
    public void Only_students_ask_for_help_and_a_topic_is_required_and_bounded()
    {
        var room = OpenRoom();
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.RequestHelp(Tutor, "help", At));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.RequestHelp(Admin, "help", At));
        AssertRefusedUnchanged(ErrorCodes.InvalidArgument, () => room.RequestHelp(Amy, "  ", At));
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.RequestHelp(Amy, new string('题', TutoringLimits.TopicLength + 1), At));
        Assert.Equal(1, room.RequestHelp(Amy, " 方程 ", At));
        Assert.Equal("方程", room.Queue.Entries[0].Topic);
    }

    [Fact]
    public void A_request_a_cancel_and_an_admission_move_the_listing_version_but_a_repeat_does_not()
    {
        var room = OpenRoom();
        var opened = _state.ListingVersion;
        room.RequestHelp(Amy, "方程", At);
        Assert.Equal(opened + 1, _state.ListingVersion);
        room.RequestHelp(Amy, "again", At);
        Assert.Equal(opened + 1, _state.ListingVersion);
        Assert.False(room.CancelRequest(Bo.UserId));
        Assert.Equal(opened + 1, _state.ListingVersion);
        room.RequestHelp(Bo, "函数", At);
        Assert.True(room.CancelRequest(Bo.UserId));
        Assert.Equal(opened + 3, _state.ListingVersion);
        room.AdmitNext(Tutor, At, _ => true);
        Assert.Equal(opened + 4, _state.ListingVersion);
    }

    [Fact]
    public void Admission_is_the_tutors_needs_an_idle_room_and_someone_waiting_and_takes_the_head_of_the_queue()
    {
        var room = OpenRoom(slotMinutes: 25);
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.CheckAdmission(Tutor));
        room.RequestHelp(Amy, "方程", At);
        room.RequestHelp(Bo, "函数", At.AddSeconds(1));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.AdmitNext(OtherTeacher, At, _ => true));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.AdmitNext(Amy, At, _ => true));
        Assert.Equal(TimeSpan.FromMinutes(25), room.CheckAdmission(Tutor));

        var started = room.AdmitNext(Tutor, At, id => id == Amy.UserId);
        Assert.Equal(("s1", Amy.UserId, "方程", At, At.AddMinutes(25)), (started.SessionId, started.StudentId, started.Topic, started.StartedAt, started.EndsAt));
        Assert.Equal(At, room.Session!.StudentSeenAt);
        Assert.Equal([Tutor.UserId, Amy.UserId], room.Participants);
        Assert.Equal(1, room.Queue.PositionOf(Bo.UserId));
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.AdmitNext(Tutor, At, _ => true));
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.RequestHelp(Amy, "again", At));
    }

    [Fact]
    public void A_student_admitted_while_offline_is_not_yet_seen_until_marked()
    {
        var room = InSession(Amy, online: false);
        Assert.Null(room.Session!.StudentSeenAt);
        Assert.True(room.MarkStudentSeen(At.AddSeconds(5)));
        Assert.False(room.MarkStudentSeen(At.AddSeconds(9)));
        Assert.Equal(At.AddSeconds(5), room.Session.StudentSeenAt);
    }

    [Fact]
    public void Board_chat_and_ending_belong_to_the_two_in_session()
    {
        var room = OpenRoom();
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.Board.Draw(Tutor, Stroke("s0"), At));
        AssertRefusedUnchanged(ErrorCodes.NotAdmitted, () => room.Board.Draw(Amy, Stroke("s0"), At));
        room.RequestHelp(Amy, "方程", At);
        room.RequestHelp(Bo, "函数", At);
        room.AdmitNext(Tutor, At, _ => true);
        AssertRefusedUnchanged(ErrorCodes.NotAdmitted, () => room.Board.Draw(Bo, Stroke("b1"), At));
        AssertRefusedUnchanged(ErrorCodes.NotAdmitted, () => room.Messages.Chat(Bo, new CommandId("bo", 1), "hi", At));
        AssertRefusedUnchanged(ErrorCodes.NotAdmitted, () => room.Board.Clear(Bo));
        AssertRefusedUnchanged(ErrorCodes.NotAdmitted, () => room.EndByParticipant(Bo, At));
        AssertRefusedUnchanged(ErrorCodes.NotAdmitted, () => room.EndByParticipant(OtherTeacher, At));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.Extend(Amy, 5));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.SaveNotes(Amy, "x"));
        AssertRefusedUnchanged(ErrorCodes.Forbidden, () => room.Messages.QueueMessage(Amy, "x", At));
    }

    [Fact]
    public void A_stroke_is_normalised_counted_and_refused_twice_or_beyond_the_sessions_bounds()
    {
        var room = InSession(Amy);
        var drawn = room.Board.Draw(Amy, Stroke("s1"), At);
        Assert.Equal(("s1", Amy.UserId, "#ff0000", 3, (bool?)null), (drawn.StrokeId, drawn.UserId, drawn.Color, drawn.Points!.Count, drawn.Trimmed));
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.Board.Draw(Tutor, Stroke("s1"), At));
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.Board.Draw(Amy, Stroke("big", TutoringLimits.PointsPerStroke + 1), At));
        AssertRefusedUnchanged(ErrorCodes.InvalidArgument, () => room.Board.Draw(Amy, Stroke("s1") with { Color = "red" }, At));

        room.Session!.PointsDrawn = TutoringLimits.PointsPerSession - 2;
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.Board.Draw(Amy, Stroke("s2"), At));
        room.Board.Draw(Amy, Stroke("s2", 2), At);
        room.Session.StrokesDrawn = TutoringLimits.StrokesPerSession;
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.Board.Draw(Amy, Stroke("s3", 1), At));
    }

    [Fact]
    public void A_cleared_board_is_empty_but_its_strokes_still_count()
    {
        var room = InSession(Amy);
        room.Board.Draw(Amy, Stroke("s1"), At);
        room.Board.Draw(Tutor, Stroke("s2", 4), At);
        var cleared = room.Board.Clear(Tutor);
        Assert.Equal(("s1", Tutor.UserId), (cleared.SessionId, cleared.UserId));
        Assert.Empty(room.Session!.Board);
        Assert.Equal((2, 7), (room.Session.StrokesDrawn, room.Session.PointsDrawn));
        room.Board.Draw(Amy, Stroke("s1"), At);
        Assert.Single(room.Session.Board);
    }

    [Fact]
    public void Chat_lines_are_numbered_with_queue_messages_bounded_and_keep_the_senders_command()
    {
        var room = InSession(Amy);
        Assert.Equal("q1", room.Messages.QueueMessage(Tutor, "稍等", At).Id);
        var line = room.Messages.Chat(Amy, new CommandId("amy-web", 7), "  老师好", At);
        Assert.Equal(("c2", "  老师好", "amy-web", 7L, "小艾"), (line.Id, line.Text, line.ClientId, line.ClientSeq, line.Name));
        AssertRefusedUnchanged(ErrorCodes.InvalidArgument, () => room.Messages.Chat(Amy, new CommandId("amy-web", 8), " ", At));
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.Messages.Chat(Amy, new CommandId("amy-web", 8), new string('字', TutoringLimits.ChatLength + 1), At));
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.Messages.QueueMessage(Tutor, new string('字', TutoringLimits.QueueMessageLength + 1), At));
        for (var i = room.Session!.Chat.Count; i < TutoringLimits.ChatPerSession; i++)
        {
            room.Messages.Chat(Tutor, new CommandId("t", i), "x", At);
        }
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.Messages.Chat(Amy, new CommandId("amy-web", 9), "one more", At));
    }

    [Fact]
    public void Replaying_logged_strokes_and_chat_rebuilds_the_session_as_sending_them_did()
    {
        var sent = InSession(Amy);
        var events = new List<(string Type, string Json)>
        {
            (StrokeDrawnEvent.Type, LiveJson.Serialize(sent.Board.Draw(Amy, Stroke("s1"), At))),
            (ChatPostedEvent.Type, LiveJson.Serialize(sent.Messages.Chat(Tutor, new CommandId("t", 1), "先看第一题", At))),
            (StrokeDrawnEvent.Type, LiveJson.Serialize(sent.Board.Draw(Tutor, Stroke("s2", 5), At))),
        };
        var afterSending = LiveJson.Serialize(_state);
        var session = _state.Session!;
        session.Board.Clear();
        session.Chat.Clear();
        (session.StrokesDrawn, session.PointsDrawn) = (0, 0);
        _state.MessageCount -= 1;

        foreach (var (type, json) in events)
        {
            Room.Replay(type, json);
        }
        Assert.Equal(afterSending, LiveJson.Serialize(_state));
    }

    [Fact]
    public void An_extension_is_the_tutors_within_its_bounds_and_moves_the_end()
    {
        var room = InSession(Amy, slotMinutes: 120);
        AssertRefusedUnchanged(ErrorCodes.InvalidArgument, () => room.Extend(Tutor, 0));
        AssertRefusedUnchanged(ErrorCodes.InvalidArgument, () => room.Extend(Tutor, TutoringLimits.MaxExtendMinutes + 1));
        Assert.Equal(At.AddMinutes(180), room.Extend(Tutor, 60).EndsAt);
        Assert.Equal(At.AddMinutes(240), room.Extend(Tutor, 60).EndsAt);
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.Extend(Tutor, 1));
        room.EndByParticipant(Tutor, At);
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.Extend(Tutor, 1));
    }

    [Fact]
    public void The_deadlines_warn_once_per_end_and_end_the_session_as_due()
    {
        var room = InSession(Amy, slotMinutes: 10);
        Assert.Equal(SessionDue.Nothing, room.Due(At.AddMinutes(7), null));
        Assert.Equal(SessionDue.Warning, room.Due(At.AddMinutes(8), null));
        var warning = room.Warn(At.AddMinutes(8).AddMilliseconds(500));
        Assert.Equal((At.AddMinutes(10), 120), (warning.EndsAt, warning.SecondsLeft));
        Assert.Equal(SessionDue.Nothing, room.Due(At.AddMinutes(9), null));
        room.Extend(Tutor, 5);
        Assert.Equal(SessionDue.Warning, room.Due(At.AddMinutes(13), null));
        Assert.Equal(SessionDue.Disconnected, room.Due(At.AddMinutes(13), At.AddMinutes(9)));
        Assert.Equal(SessionDue.TimeUp, room.Due(At.AddMinutes(15), null));

        var ended = room.EndAsDue(SessionDue.TimeUp, At.AddMinutes(15));
        Assert.Equal(("time_up", At.AddMinutes(15)), (ended.Ended.Reason, ended.Record.EndedAt));
        Assert.Equal(SessionDue.Nothing, room.Due(At.AddMinutes(20), null));
        room.RequestHelp(Bo, "函数", At);
        room.AdmitNext(Tutor, At, _ => true);
        Assert.Throws<ArgumentOutOfRangeException>(() => room.EndAsDue(SessionDue.Warning, At));
        Assert.Throws<ArgumentOutOfRangeException>(() => room.EndAsDue(SessionDue.Nothing, At));
        Assert.Equal(Bo.UserId, room.Session!.StudentId);
    }

    [Theory]
    [InlineData("tutor", "tutor")]
    [InlineData("student", "student")]
    public void A_participant_ends_the_session_into_the_history_with_its_counts_for_both_of_them(string who, string reason)
    {
        var room = InSession(Amy);
        room.Board.Draw(Amy, Stroke("s1"), At);
        room.Messages.Chat(Amy, new CommandId("amy", 1), "谢谢", At);
        room.SaveNotes(Tutor, "掌握了移项");
        var ended = room.EndByParticipant(who == "tutor" ? Tutor : Amy, At.AddMinutes(5));
        Assert.Equal([Tutor.UserId, Amy.UserId], ended.Audience);
        Assert.Equal(new SessionEndedEvent("s1", Amy.UserId, reason, At.AddMinutes(5)), ended.Ended);
        Assert.Equal(new TutoringSessionRecord("s1", "room-1", "初二数学答疑", "数学", Tutor.UserId, Tutor.Name, Amy.UserId, Amy.Name, "方程",
            At, At.AddMinutes(5), reason, "掌握了移项", 1, 1), ended.Record);
        Assert.Null(room.Session);
        Assert.Equal(ended.Record, Assert.Single(room.History(Tutor)));
        Assert.Equal(ErrorCodes.Conflict, Refusal(() => _ = room.Participants));
    }

    [Fact]
    public void Ending_a_session_trims_the_points_of_its_retained_strokes_but_not_other_events()
    {
        var room = InSession(Amy);
        var drawn = room.Board.Draw(Amy, Stroke("s1"), At);
        _state.Log.Append("tutoring/room-1", StrokeDrawnEvent.Type, At, LiveJson.Serialize(drawn), null, 100);
        var chat = room.Messages.Chat(Amy, new CommandId("amy", 1), "hi", At);
        _state.Log.Append("tutoring/room-1", ChatPostedEvent.Type, At, LiveJson.Serialize(chat), null, 100);

        room.EndByParticipant(Tutor, At);

        var trimmed = JsonDocument.Parse(_state.Log.Events[0].DataJson).RootElement;
        Assert.Equal(["strokeId", "userId", "at", "trimmed"], trimmed.EnumerateObject().Select(p => p.Name));
        Assert.True(trimmed.GetProperty("trimmed").GetBoolean());
        Assert.Equal(LiveJson.Serialize(chat), _state.Log.Events[1].DataJson);
        Assert.Equal(_state.Log.Seq, _state.StrokesTrimmedThroughSeq);
    }

    [Fact]
    public void Notes_go_on_the_running_session_or_else_the_last_finished_one()
    {
        var room = OpenRoom();
        AssertRefusedUnchanged(ErrorCodes.Conflict, () => room.SaveNotes(Tutor, "nothing yet"));
        room.RequestHelp(Amy, "方程", At);
        room.AdmitNext(Tutor, At, _ => true);
        Assert.Equal(("s1", (TutoringSessionRecord?)null), room.SaveNotes(Tutor, "during"));
        room.EndByParticipant(Amy, At);
        AssertRefusedUnchanged(ErrorCodes.TooLarge, () => room.SaveNotes(Tutor, new string('x', TutoringLimits.NotesLength + 1)));
        var (sessionId, finished) = room.SaveNotes(Tutor, "after");
        Assert.Equal(("s1", "after"), (sessionId, finished!.Notes));
        Assert.Equal("after", room.History(Tutor)[0].Notes);
    }

    [Fact]
    public void The_history_is_the_tutors_and_an_admins_latest_first_and_bounded()
    {
        var room = OpenRoom();
        for (var i = 0; i < TutoringLimits.HistoryKept + 3; i++)
        {
            room.RequestHelp(Amy, "方程", At);
            room.AdmitNext(Tutor, At, _ => true);
            room.EndByParticipant(Tutor, At.AddMinutes(i));
        }
        var history = room.History(Admin);
        Assert.Equal(TutoringLimits.HistoryKept, history.Count);
        Assert.Equal($"s{TutoringLimits.HistoryKept + 3}", history[0].SessionId);
        Assert.Equal("s4", history[^1].SessionId);
        Assert.Equal(ErrorCodes.Forbidden, Refusal(() => room.History(OtherTeacher)));
        Assert.Equal(ErrorCodes.Forbidden, Refusal(() => room.History(Amy)));
    }

    [Fact]
    public void Closing_ends_the_session_empties_the_queue_and_a_closed_room_keeps_its_history()
    {
        var room = InSession(Amy);
        room.RequestHelp(Bo, "函数", At);
        var ended = room.EndForClosing(At.AddMinutes(1));
        var closed = room.Close();
        Assert.Equal(("room_closed", "room-1"), (ended!.Ended.Reason, closed.RoomId));
        Assert.Equal(0, room.Queue.Count);
        Assert.False(room.Info.Open);
        Assert.Null(room.EndForClosing(At));
        Assert.Single(room.History(Tutor));
    }

    /// <summary>
    /// Seeded random runs of every queue and session command, refusals included, against a plain model: the queue stays
    /// first come first served with one place per student, the admitted student is never waiting, sessions are numbered
    /// in order and each ends in the history once, and the listing version never goes back.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(404)]
    [InlineData(2026)]
    public void Random_commands_keep_the_queue_and_session_invariants(int seed)
    {
        var random = new Random(seed);
        var students = Enumerable.Range(0, 8).Select(i => new Caller($"st{i}", $"学生{i}", Roles.Student, "s", "c")).ToArray();
        var room = OpenRoom();
        var waiting = new List<string>();
        string? admitted = null;
        var sessions = 0;
        var version = _state.ListingVersion;
        for (var step = 0; step < 3000; step++)
        {
            var now = At.AddSeconds(step);
            var student = students[random.Next(students.Length)];
            var before = room.Queue.Positions();
            var refused = false;
            try
            {
                switch (random.Next(5))
                {
                    case 0 or 1:
                        var position = room.RequestHelp(student, "题", now);
                        Assert.NotEqual(admitted, student.UserId);
                        if (!waiting.Contains(student.UserId))
                        {
                            waiting.Add(student.UserId);
                        }
                        Assert.Equal(waiting.IndexOf(student.UserId) + 1, position);
                        break;
                    case 2:
                        Assert.Equal(waiting.Remove(student.UserId), room.CancelRequest(student.UserId));
                        break;
                    case 3:
                        var started = room.AdmitNext(Tutor, now, _ => true);
                        Assert.Null(admitted);
                        Assert.Equal((waiting[0], $"s{++sessions}"), (started.StudentId, started.SessionId));
                        admitted = waiting[0];
                        waiting.RemoveAt(0);
                        break;
                    default:
                        var ended = room.EndByParticipant(random.Next(2) == 0 ? Tutor : student, now);
                        Assert.Equal(admitted, ended.Record.StudentId);
                        admitted = null;
                        break;
                }
            }
            catch (CollabException refusal)
            {
                refused = true;
                Assert.Contains(refusal.Code, new[] { ErrorCodes.Conflict, ErrorCodes.NotAdmitted });
            }
            Assert.Equal(waiting, room.Queue.Entries.Select(e => e.StudentId));
            Assert.Equal(admitted, room.Session?.StudentId);
            Assert.DoesNotContain(admitted, waiting);
            Assert.True(_state.ListingVersion >= version);
            Assert.True(!refused || _state.ListingVersion == version);
            version = _state.ListingVersion;

            var pushes = TutoringRoomViews.QueueChanges(room.Queue, before, Tutor.UserId);
            var moved = room.Queue.Positions().Where(p => before.GetValueOrDefault(p.Key) != p.Value).ToDictionary();
            if (pushes.Count > 0)
            {
                Assert.Equal((Tutor.UserId, waiting.Count), (pushes[0].Audience, pushes[0].Change.Queue!.Count));
                Assert.Equal(moved, pushes.Skip(1).ToDictionary(p => p.Audience, p => p.Change.Position!.Value));
            }
            else
            {
                Assert.Empty(moved);
                Assert.Equal(before.Count, waiting.Count);
            }
        }
        Assert.Equal(Math.Min(TutoringLimits.HistoryKept, sessions - (admitted is null ? 0 : 1)), room.History(Tutor).Count);
        Assert.True(sessions > 50, $"only {sessions} sessions in the run");
    }
}
