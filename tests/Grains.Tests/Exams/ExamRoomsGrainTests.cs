using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Tests.Cluster;
using Orleans.Runtime;

namespace Collab.Grains.Tests.Exams;

/// <summary>
/// Rooms and proctors (PROTOCOL §7) on a test cluster whose clock the test moves: who is seated where at publishing,
/// what a room's proctor may see and do, accommodations, and the paused time and the durable reminder.
/// </summary>
[Collection(ExamClockClusterCollection.Name)]
public sealed class ExamRoomsGrainTests(ExamClockClusterFixture fixture)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private string Id(string name) => $"{name}-{_tag}";

    private Caller Author => new(Id("author"), "出卷老师", Roles.Teacher, "S1", "C1");

    private Caller ProctorA => new(Id("pa"), "一中监考", Roles.Teacher, "S1", "C1");

    private Caller ProctorB => new(Id("pb"), "二中监考", Roles.Teacher, "S2", "C1");

    private Caller Student(string name) => new(Id(name), name, Roles.Student, "S1", "C1");

    /// <summary>Two schools: room A seats class A (s1, s2), room B names s3 and s4.</summary>
    private void City()
    {
        foreach (var (id, role, school) in new[] { ("author", Roles.Teacher, "S1"), ("pa", Roles.Teacher, "S1"), ("pb", Roles.Teacher, "S2"), ("s1", Roles.Student, "S1"), ("s2", Roles.Student, "S1"), ("s3", Roles.Student, "S2"), ("s4", Roles.Student, "S2") })
        {
            fixture.People.Put(new DirectoryPerson(Id(id), id, role, school, school, "C1"));
        }
        fixture.People.Put(new DirectoryClass(Id("class-a"), "七年级一班", "7", "S1", [Id("pa")], [new ClassStudent(Id("s1"), "s1"), new ClassStudent(Id("s2"), "s2")]));
    }

    private object[] Rooms(string[]? roomBStudents = null, string? proctorB = null) =>
    [
        new { id = "A", name = "一中第1考场", proctorIds = new[] { Id("pa") }, classIds = new[] { Id("class-a") } },
        new { id = "B", name = "二中第1考场", proctorIds = new[] { proctorB ?? Id("pb") }, studentIds = roomBStudents ?? [Id("s3"), Id("s4")] },
    ];

    private string Spec(object[] rooms, string[]? roster = null) => JsonSerializer.Serialize(new
    {
        title = "全市统考",
        subject = "it",
        opensAt = fixture.Clock.GetUtcNow().AddSeconds(-1),
        durationMinutes = 60,
        lateJoinMinutes = 60,
        roster = roster ?? [],
        rooms,
        questions = new[] { new { id = "q1", kind = "truefalse", points = 2, stem = "对吗", answer = true } },
    });

    private async Task<IExamGrain> CreatedAsync(string spec)
    {
        City();
        var exam = fixture.Grains.GetGrain<IExamGrain>($"ex-{Guid.NewGuid():N}");
        await exam.CreateAsync(Author, spec);
        return exam;
    }

    private async Task<IExamGrain> PublishedAsync()
    {
        var exam = await CreatedAsync(Spec(Rooms()));
        await exam.PublishAsync(Author);
        return exam;
    }

    private IExamAttemptGrain Attempt(IExamGrain exam, Caller student) =>
        fixture.Grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(exam.GetPrimaryKeyString(), student.UserId));

    private static async Task RefusedAsync(string code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<CollabException>(call)).Code);

    private static JsonElement Snapshot(JoinResult joined) => JsonDocument.Parse(joined.SnapshotJson).RootElement;

    private static List<string?> StudentIds(JsonElement snapshot) =>
        snapshot.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("studentId").GetString()).ToList();

    [Fact]
    public async Task A_student_two_rooms_claim_is_refused_at_creation_or_through_a_class_at_publishing()
    {
        City();
        var exam = fixture.Grains.GetGrain<IExamGrain>($"ex-{Guid.NewGuid():N}");
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.CreateAsync(Author, Spec(
        [
            new { id = "A", name = "甲", proctorIds = new[] { Id("pa") }, studentIds = new[] { Id("s1") } },
            new { id = "B", name = "乙", proctorIds = new[] { Id("pb") }, studentIds = new[] { Id("s1") } },
        ])));

        var throughClass = await CreatedAsync(Spec(Rooms(roomBStudents: [Id("s2"), Id("s3"), Id("s4")])));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => throughClass.PublishAsync(Author));
        Assert.Equal(ExamStatuses.Draft, (await throughClass.GetAsync(Author)).Status);
    }

    [Fact]
    public async Task With_rooms_a_rostered_student_without_a_room_is_refused_and_proctors_must_be_teachers()
    {
        var unseated = await CreatedAsync(Spec(Rooms(), roster: [Id("s9")]));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => unseated.PublishAsync(Author));

        var studentProctor = await CreatedAsync(Spec(Rooms(proctorB: Id("s1"))));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => studentProctor.PublishAsync(Author));

        var unknownProctor = await CreatedAsync(Spec(Rooms(proctorB: Id("nobody"))));
        await RefusedAsync(ErrorCodes.NotFound, () => unknownProctor.PublishAsync(Author));
        Assert.Equal(ExamStatuses.Draft, (await unknownProctor.GetAsync(Author)).Status);
    }

    [Fact]
    public async Task A_rooms_proctor_sees_and_acts_on_their_room_only_and_the_author_on_all()
    {
        var exam = await PublishedAsync();
        var s1 = Student("s1");
        var s3 = Student("s3");
        await Attempt(exam, s1).StartAsync(s1);
        await Attempt(exam, s3).StartAsync(s3);

        Assert.Equal([Id("s1"), Id("s2")], StudentIds(Snapshot(await exam.JoinAsync(ProctorA))));
        Assert.Equal([Id("s3"), Id("s4")], StudentIds(Snapshot(await exam.JoinAsync(ProctorB))));
        Assert.Equal([Id("s1"), Id("s2"), Id("s3"), Id("s4")], StudentIds(Snapshot(await exam.JoinAsync(Author))));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.JoinAsync(new Caller(Id("other"), "别校老师", Roles.Teacher, "S3", "C1")));

        foreach (var action in new[]
        {
            new ProctorAction(s3.UserId, ProctorAction.Pause, 0, "作弊嫌疑"),
            new ProctorAction(s3.UserId, ProctorAction.Resume, 0, ""),
            new ProctorAction(s3.UserId, ProctorAction.Extend, 5, "机器故障"),
            new ProctorAction(s3.UserId, ProctorAction.Submit, 0, ""),
            new ProctorAction(Id("nobody"), ProctorAction.Pause, 0, "不在名单"),
        })
        {
            await RefusedAsync(ErrorCodes.Forbidden, () => exam.ActOnCandidateAsync(ProctorA, action));
        }
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.AnnounceAsync(ProctorA, "别的考场", "B"));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.SetAccommodationAsync(ProctorA, s1.UserId, 10));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.GetResultsAsync(ProctorA));
        Assert.Equal(AttemptStatuses.Active, (await Attempt(exam, s3).GetProgressAsync()).Status);

        var paused = await exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Pause, 0, "停电"));
        Assert.Equal((AttemptStatuses.Paused, "A"), (paused.Status, paused.RoomId));
        var announced = await exam.AnnounceAsync(ProctorA, "一中考场请安静", null);
        Assert.Equal("A", announced.RoomId);
        await exam.ActOnCandidateAsync(Author, new ProctorAction(s3.UserId, ProctorAction.Extend, 5, "机器故障"));

        Assert.Equal([s1.UserId], (await exam.GetIrregularitiesAsync(ProctorA)).Select(entry => entry.StudentId));
        Assert.Equal([s3.UserId], (await exam.GetIrregularitiesAsync(ProctorB)).Select(entry => entry.StudentId));
        Assert.Equal(2, (await exam.GetIrregularitiesAsync(Author)).Count);
        Assert.Equal(["一中考场请安静"], Snapshot(await exam.JoinAsync(s1)).GetProperty("announcements").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(0, Snapshot(await exam.JoinAsync(s3)).GetProperty("announcements").GetArrayLength());
        Assert.Equal(["A", "B"], (await exam.GetResultsAsync(Author)).Students.Select(row => row.RoomId).Distinct());
    }

    [Fact]
    public async Task The_clock_changes_are_refused_in_the_wrong_state_with_clear_codes()
    {
        var exam = await PublishedAsync();
        var s1 = Student("s1");
        var s2 = Student("s2");
        await Attempt(exam, s1).StartAsync(s1);
        await Attempt(exam, s2).StartAsync(s2);

        await RefusedAsync(ErrorCodes.Conflict, () => exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Resume, 0, "")));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Extend, 10, " ")));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Pause, 0, "")));
        await Attempt(exam, s2).SubmitAsync(s2);
        await RefusedAsync(ErrorCodes.Closed, () => exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s2.UserId, ProctorAction.Pause, 0, "迟到")));
        await RefusedAsync(ErrorCodes.Closed, () => exam.SetAccommodationAsync(Author, s2.UserId, 15));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.SetAccommodationAsync(Author, s1.UserId, -1));
        await RefusedAsync(ErrorCodes.NotFound, () => exam.SetAccommodationAsync(Author, Id("nobody"), 10));

        Assert.Empty(await exam.GetIrregularitiesAsync(Author));
        Assert.Equal(0, (await exam.ActOnCandidateAsync(Author, new ProctorAction(s2.UserId, ProctorAction.Submit, 0, ""))).AccommodationMinutes);
    }

    [Fact]
    public async Task The_paused_time_moves_the_deadline_and_its_durable_reminder()
    {
        var exam = await PublishedAsync();
        var s1 = Student("s1");
        var attempt = Attempt(exam, s1);
        var started = await attempt.StartAsync(s1);
        var deadline = started.Deadline!.Value;

        await exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Pause, 0, "停电"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        var resumed = await exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Resume, 0, ""));

        Assert.Equal(deadline.AddMinutes(20), resumed.Deadline);
        var reminder = await fixture.Reminders.ReadRow(attempt.GetGrainId(), "deadline");
        Assert.Equal(deadline.AddMinutes(20).UtcDateTime, reminder!.StartAt);

        fixture.Clock.Advance(deadline - fixture.Clock.GetUtcNow());
        await attempt.SaveAnswerAsync(s1, new CommandId("tab", 1), "q1", "true");
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        await RefusedAsync(ErrorCodes.DeadlinePassed, () => attempt.SaveAnswerAsync(s1, new CommandId("tab", 2), "q1", "false"));
    }

    [Fact]
    public async Task An_accommodation_before_the_start_counts_from_the_start_and_during_it_moves_the_deadline_at_once()
    {
        var exam = await PublishedAsync();
        var s1 = Student("s1");
        var s2 = Student("s2");

        var before = await exam.SetAccommodationAsync(Author, s1.UserId, 15);
        Assert.Equal((AttemptStatuses.Absent, 15), (before.Status, before.AccommodationMinutes));
        var started = await Attempt(exam, s1).StartAsync(s1);
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(75), started.Deadline);

        var s2Start = await Attempt(exam, s2).StartAsync(s2);
        var during = await exam.SetAccommodationAsync(Author, s2.UserId, 10);
        Assert.Equal(s2Start.Deadline!.Value.AddMinutes(10), during.Deadline);
        var reminder = await fixture.Reminders.ReadRow(Attempt(exam, s2).GetGrainId(), "deadline");
        Assert.Equal(s2Start.Deadline!.Value.AddMinutes(10).UtcDateTime, reminder!.StartAt);

        var line = Snapshot(await exam.JoinAsync(ProctorA)).GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetString() == s1.UserId);
        Assert.Equal(15, line.GetProperty("accommodationMinutes").GetInt32());
    }

    [Fact]
    public async Task Rooms_pauses_and_accommodations_survive_a_reactivation()
    {
        var exam = await PublishedAsync();
        var s1 = Student("s1");
        var s3 = Student("s3");
        await Attempt(exam, s1).StartAsync(s1);
        await exam.ActOnCandidateAsync(ProctorA, new ProctorAction(s1.UserId, ProctorAction.Pause, 0, "停电"));
        await exam.SetAccommodationAsync(Author, s3.UserId, 20);

        await fixture.DeactivateAllAsync();

        var forA = Snapshot(await exam.JoinAsync(ProctorA));
        Assert.Equal([Id("s1"), Id("s2")], StudentIds(forA));
        Assert.Equal(["A"], forA.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(AttemptStatuses.Paused, forA.GetProperty("students")[0].GetProperty("status").GetString());
        var forB = Snapshot(await exam.JoinAsync(ProctorB));
        Assert.Equal(20, forB.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetString() == s3.UserId).GetProperty("accommodationMinutes").GetInt32());
        Assert.Equal([ProctorAction.Pause], (await exam.GetIrregularitiesAsync(ProctorA)).Select(entry => entry.Kind));
        var s3Started = await Attempt(exam, s3).StartAsync(s3);
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(80), s3Started.Deadline);
    }

    [Fact]
    public async Task A_rooms_proctor_may_not_change_a_key_which_stays_the_authors()
    {
        var exam = await PublishedAsync();
        var s1 = Student("s1");
        await Attempt(exam, s1).StartAsync(s1);
        await Attempt(exam, s1).SaveAnswerAsync(s1, new CommandId("tab", 1), "q1", "false");
        await Attempt(exam, s1).SubmitAsync(s1);

        await RefusedAsync(ErrorCodes.Forbidden, () => exam.ChangeKeyAsync(ProctorA, "q1", """{"answer":false,"reason":"监考改答案"}"""));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.ChangeKeyAsync(ProctorB, "q1", """{"answer":false,"reason":"监考改答案"}"""));

        Assert.Equal(true, (await exam.GetPaperAsync()).Single().Key!.Truth);
        var results = await exam.GetResultsAsync(Author);
        Assert.Equal(0, results.Students.Single(row => row.StudentId == s1.UserId).Score);
        Assert.Empty(results.Regrades);
        Assert.Empty(await exam.GetAuditAsync(Author));
    }
}
