using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;
using Collab.Grains.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

public sealed class TutoringRoomViewsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly SessionRules Rules = new(new SessionTimings(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2)));
    private static readonly Caller Tutor = new("tutor-1", "张老师", Roles.Teacher, "school-a", "county-a");

    private static Caller Student(string id) => new(id, $"name-{id}", Roles.Student, "s", "c");

    private readonly TutoringRoomState _state = new();

    private TutoringRoomDocument Room => new("room-1", _state, Rules);

    public TutoringRoomViewsTests()
    {
        Room.Create(TutoringRoomSetup.Checked("room-1", false, Tutor, new CreateTutoringRoom("答疑", "数学", 20)));
        Room.Open();
    }

    private JsonElement Snapshot(string userId) =>
        JsonDocument.Parse(LiveJson.Serialize(TutoringRoomViews.Snapshot(Room.Info, _state, userId, () => ["someone"]))).RootElement;

    [Fact]
    public void The_tutor_sees_the_queue_who_is_online_and_the_session_with_its_notes()
    {
        Room.RequestHelp(Student("a"), "方程", At);
        Room.RequestHelp(Student("b"), "函数", At);
        Room.RequestHelp(Student("c"), "几何", At);
        Room.AdmitNext(Tutor, At, _ => true);
        Room.SaveNotes(Tutor, "先复习");

        var tutor = Snapshot(Tutor.UserId);
        Assert.Equal("tutor", tutor.GetProperty("role").GetString());
        Assert.Equal([("b", 1), ("c", 2)], tutor.GetProperty("queue").EnumerateArray().Select(e => (e.GetProperty("studentId").GetString(), e.GetProperty("position").GetInt32())));
        Assert.Equal(2, tutor.GetProperty("queueLength").GetInt32());
        Assert.Equal(JsonValueKind.Null, tutor.GetProperty("myPosition").ValueKind);
        Assert.Equal("someone", tutor.GetProperty("online")[0].GetString());
        Assert.Equal("先复习", tutor.GetProperty("session").GetProperty("notes").GetString());
    }

    [Fact]
    public void A_waiting_student_sees_only_their_place_and_the_admitted_one_their_session_without_notes()
    {
        Room.RequestHelp(Student("a"), "方程", At);
        Room.RequestHelp(Student("b"), "函数", At);
        Room.AdmitNext(Tutor, At, _ => true);
        Room.SaveNotes(Tutor, "private");
        Room.Board.Draw(Student("a"), new StrokeInput("s1", [[1, 2], [3, 4]], "#000", 2), At);

        var waiting = Snapshot("b");
        Assert.Equal(("student", 1, 1, 0), (waiting.GetProperty("role").GetString(), waiting.GetProperty("myPosition").GetInt32(),
            waiting.GetProperty("queueLength").GetInt32(), waiting.GetProperty("queue").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("session").ValueKind);
        Assert.False(waiting.TryGetProperty("online", out _));

        var admitted = Snapshot("a");
        Assert.Equal("admitted", admitted.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, admitted.GetProperty("myPosition").ValueKind);
        var session = admitted.GetProperty("session");
        Assert.Equal(JsonValueKind.Null, session.GetProperty("notes").ValueKind);
        Assert.Equal(3, session.GetProperty("strokes")[0].GetProperty("points")[1][0].GetDouble());

        var stranger = Snapshot("z");
        Assert.Equal(("student", JsonValueKind.Null), (stranger.GetProperty("role").GetString(), stranger.GetProperty("myPosition").ValueKind));
    }

    [Fact]
    public void No_queue_push_when_nothing_moved_and_a_newcomer_gets_their_place_beside_the_tutors_whole_queue()
    {
        Room.RequestHelp(Student("a"), "方程", At);
        var before = Room.Queue.Positions();
        Room.RequestHelp(Student("a"), "again", At);
        Assert.Empty(TutoringRoomViews.QueueChanges(Room.Queue, before, Tutor.UserId));

        Room.RequestHelp(Student("b"), "函数", At);
        var pushes = TutoringRoomViews.QueueChanges(Room.Queue, before, Tutor.UserId);
        Assert.Equal([Tutor.UserId, "b"], pushes.Select(p => p.Audience));
        Assert.Equal((2, 2, (int?)null), (pushes[0].Change.Length, pushes[0].Change.Queue!.Count, pushes[0].Change.Position));
        Assert.Equal((2, (IReadOnlyList<QueuedStudent>?)null, (int?)2), (pushes[1].Change.Length, pushes[1].Change.Queue, pushes[1].Change.Position));
        Assert.DoesNotContain("\"a\"", LiveJson.Serialize(pushes[1].Change));
    }

    [Fact]
    public void A_leaver_at_the_back_tells_only_the_tutor_of_the_shorter_queue()
    {
        Room.RequestHelp(Student("a"), "方程", At);
        Room.RequestHelp(Student("b"), "函数", At);
        var before = Room.Queue.Positions();
        Room.CancelRequest("b");
        var push = Assert.Single(TutoringRoomViews.QueueChanges(Room.Queue, before, Tutor.UserId));
        Assert.Equal((Tutor.UserId, 1), (push.Audience, push.Change.Length));
    }

    [Fact]
    public void The_listing_follows_the_room_its_queue_and_session()
    {
        Room.RequestHelp(Student("a"), "方程", At);
        Room.RequestHelp(Student("b"), "函数", At);
        Room.AdmitNext(Tutor, At, _ => true);
        var listing = TutoringRoomViews.Listing(_state);
        Assert.Equal(new RoomListing("room-1", "答疑", "数学", Tutor.UserId, Tutor.Name, 20, 1, true, true, _state.ListingVersion), listing);
    }
}
