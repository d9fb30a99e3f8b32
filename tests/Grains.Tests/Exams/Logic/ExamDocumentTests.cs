using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Tests.Exams.Logic;

/// <summary>The rules of one exam session on the document alone: no cluster, no attempts, the time given by each test.</summary>
public sealed class ExamDocumentTests
{
    /// <summary>The roster as the spec lists it, nobody named by the directory.</summary>
    private ExamRosters.Resolved AsListed() => new(_exam.Spec.Roster, [], [], []);

    private AnnouncementMade Announce(string text, DateTimeOffset at) => _proctoring.Announce(ProctorScope.Everyone, text, null, at);

    private static readonly Caller Author = new("t-1", "李老师", Roles.Teacher, "s", "c");
    private static readonly Caller OtherTeacher = new("t-2", "王老师", Roles.Teacher, "s", "c");
    private static readonly Caller Marker = new("t-3", "赵老师", Roles.Teacher, "s", "c");
    private static readonly Caller Admin = new("a-1", "管理员", Roles.Admin, "s", "c");
    private static readonly Caller Student = new("s-1", "小明", Roles.Student, "s", "c");

    private readonly ExamState _state = new();
    private readonly ExamDocument _exam;
    private readonly ExamProctoring _proctoring;

    public ExamDocumentTests()
    {
        _exam = new ExamDocument("e-1", _state);
        _proctoring = new ExamProctoring("e-1", _state, _exam);
    }

    private static ExamSpec Spec(IReadOnlyList<string>? roster = null) =>
        ExamSpecParser.Parse(SamplePaper.Exam().ToJsonString()) with { Roster = roster ?? ["s-1", "s-2", "s-3"], Markers = [Marker.UserId] };

    private static ExamSpec ParsedSpec => Spec();

    /// <summary>09:00 Beijing: 60 minutes, late join 15.</summary>
    private static DateTimeOffset OpensAt => ParsedSpec.OpensAt;

    private static CandidateProgress Line(string studentId, string status) => new(studentId, studentId, status, 0, null, 0, null, null);

    private string Fingerprint() => LiveJson.Serialize(new
    {
        _state.Spec, _state.CreatedBy, _state.CreatedAt, _state.PublishedAt, _state.Announcements, _state.Irregularities, _state.ResultsPublishedAt, _state.Accommodations,
    });

    private void RefusedUnchanged(string code, Action call)
    {
        var before = Fingerprint();
        Assert.Equal(code, Assert.Throws<CollabException>(call).Code);
        Assert.Equal(before, Fingerprint());
    }

    private void Created(ExamSpec? spec = null) => _exam.Create(spec ?? Spec(), Author.UserId, OpensAt.AddDays(-7));

    private void Published()
    {
        Created();
        _exam.Publish(OpensAt.AddDays(-1), AsListed());
    }

    [Fact]
    public void An_exam_never_created_is_not_found_to_every_rule()
    {
        Assert.False(_exam.Exists);
        RefusedUnchanged(ErrorCodes.NotFound, () => _ = _exam.Spec);
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequireProctor(Author));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequireProctor(Admin));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequireAuthor(Author));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequirePublished());
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequireCandidate(Student.UserId));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequireResultOf(Student.UserId));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.MarkableQuestion(Admin, "q5"));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.RequireEditable(Author));
        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.PublishPending(OpensAt));
    }

    [Fact]
    public void Teachers_and_admins_create_an_exam_once()
    {
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireCreatable(Student));
        _exam.RequireCreatable(OtherTeacher);
        _exam.RequireCreatable(Admin);

        var createdAt = OpensAt.AddDays(-7);
        _exam.Create(Spec(), Author.UserId, createdAt);

        Assert.True(_exam.Exists);
        Assert.Equal((Author.UserId, createdAt), (_state.CreatedBy, _state.CreatedAt));
        RefusedUnchanged(ErrorCodes.Conflict, () => _exam.RequireCreatable(Author));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireCreatable(Student));
    }

    [Fact]
    public void Only_the_author_or_an_admin_edits_and_only_a_draft()
    {
        Created();
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireEditable(OtherTeacher));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireEditable(Student));
        _exam.RequireEditable(Author);
        _exam.RequireEditable(Admin);

        _exam.Publish(OpensAt.AddDays(-1), AsListed());

        RefusedUnchanged(ErrorCodes.Conflict, () => _exam.RequireEditable(Author));
        RefusedUnchanged(ErrorCodes.Conflict, () => _exam.RequireEditable(Admin));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireEditable(OtherTeacher));
    }

    [Fact]
    public void An_update_replaces_the_roster_the_document_checks()
    {
        Created();
        Assert.True(_exam.OnRoster("s-1"));
        Assert.False(_exam.OnRoster("s-9"));

        _exam.Update(Spec(["s-9"]));

        Assert.False(_exam.OnRoster("s-1"));
        Assert.True(_exam.OnRoster("s-9"));
    }

    [Fact]
    public void Publishing_is_refused_once_the_late_join_has_passed_and_is_done_once()
    {
        Created();
        var lateJoinEnds = OpensAt.AddMinutes(15);
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _exam.PublishPending(lateJoinEnds));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _exam.PublishPending(lateJoinEnds.AddDays(1)));
        Assert.True(_exam.PublishPending(lateJoinEnds.AddMilliseconds(-1)));
        Assert.False(_exam.IsPublished);

        var published = _exam.Publish(OpensAt.AddMinutes(10), AsListed());

        Assert.Equal((OpensAt, 60), (published.OpensAt, published.DurationMinutes));
        Assert.Equal(OpensAt.AddMinutes(10), _state.PublishedAt);
        Assert.False(_exam.PublishPending(lateJoinEnds.AddDays(1)));
    }

    [Fact]
    public void The_status_runs_from_draft_to_results_published()
    {
        var board = new ProctorBoard(id => id);
        Created();
        Assert.Equal(ExamStatuses.Draft, _exam.Status(OpensAt.AddDays(1), board));

        _exam.Publish(OpensAt.AddDays(-1), AsListed());
        Assert.Equal(ExamStatuses.Published, _exam.Status(OpensAt.AddMilliseconds(-1), board));
        Assert.True(_exam.BeforeOpening(OpensAt.AddMilliseconds(-1)));
        Assert.Equal(ExamStatuses.Open, _exam.Status(OpensAt, board));
        Assert.False(_exam.BeforeOpening(OpensAt));

        board.Report(Line("s-1", AttemptStatuses.Submitted));
        board.Report(Line("s-2", AttemptStatuses.Submitted));
        Assert.Equal(ExamStatuses.Open, _exam.Status(OpensAt.AddMinutes(1), board));
        board.Report(Line("s-3", AttemptStatuses.Submitted));
        Assert.Equal(ExamStatuses.Closed, _exam.Status(OpensAt.AddMinutes(1), board));

        _exam.PublishResults(OpensAt.AddHours(2));
        Assert.Equal(ExamStatuses.ResultsPublished, _exam.Status(OpensAt.AddHours(2), board));
        Assert.Equal(OpensAt.AddHours(2), _state.ResultsPublishedAt);
    }

    [Fact]
    public void After_the_late_join_and_the_duration_it_closes_once_nobody_heard_of_is_writing()
    {
        var board = new ProctorBoard(id => id);
        Published();
        var end = OpensAt.AddMinutes(15 + 60);
        Assert.Equal(ExamStatuses.Open, _exam.Status(end.AddMilliseconds(-1), board));
        Assert.Equal(ExamStatuses.Closed, _exam.Status(end, board));

        board.Report(Line("s-1", AttemptStatuses.Submitted));
        board.Report(Line("s-2", AttemptStatuses.Absent));
        Assert.Equal(ExamStatuses.Closed, _exam.Status(end, board));

        board.Report(Line("s-3", AttemptStatuses.Paused));
        Assert.Equal(ExamStatuses.Open, _exam.Status(end.AddHours(5), board));
        board.Report(Line("s-3", AttemptStatuses.Active));
        Assert.Equal(ExamStatuses.Open, _exam.Status(end.AddHours(5), board));
    }

    [Fact]
    public void The_author_and_admins_proctor_and_nobody_else()
    {
        Created();
        Assert.True(_exam.IsProctor(Author));
        Assert.True(_exam.IsProctor(Admin));
        Assert.False(_exam.IsProctor(OtherTeacher));
        Assert.False(_exam.IsProctor(Student));
        _exam.RequireProctor(Author);
        _exam.RequireProctor(Admin);
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireProctor(OtherTeacher));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireProctor(Marker));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireAuthor(OtherTeacher));
    }

    [Fact]
    public void Only_a_published_exam_is_open_to_its_roster()
    {
        Created();
        RefusedUnchanged(ErrorCodes.NotOpen, () => _exam.RequirePublished());
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireCandidate("s-1"));
        _exam.RequireOnRoster("s-1");
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireOnRoster("s-9"));

        _exam.Publish(OpensAt.AddDays(-1), AsListed());

        _exam.RequirePublished();
        _exam.RequireCandidate("s-1");
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireCandidate("s-9"));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireCandidate(""));
    }

    [Fact]
    public void An_announcement_is_trimmed_bounded_and_counted()
    {
        Published();
        var at = OpensAt.AddMinutes(5);
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Announce(" \n ", at));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => Announce(null!, at));
        RefusedUnchanged(ErrorCodes.TooLarge, () => Announce(new string('字', ProctoringLimits.AnnouncementLength + 1), at));

        var made = Announce("  第5题按“3”作答 ", at);
        Announce(new string('字', ProctoringLimits.AnnouncementLength), at);

        Assert.Equal(new AnnouncementMade("第5题按“3”作答", at), made);
        Assert.Equal(2, _exam.Announcements.Count);
    }

    [Fact]
    public void Announcements_stop_at_their_bound()
    {
        Published();
        for (var i = _exam.Announcements.Count; i < ProctoringLimits.Announcements; i++)
        {
            Announce($"通知{i}", OpensAt.AddSeconds(i));
        }

        RefusedUnchanged(ErrorCodes.Conflict, () => Announce("再一条", OpensAt.AddHours(1)));
        Assert.Equal(ProctoringLimits.Announcements, _exam.Announcements.Count);
    }

    [Fact]
    public void A_proctors_action_needs_a_known_kind_a_rostered_candidate_and_bounded_minutes_and_cause()
    {
        Published();
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", "expel", 0, "")));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", null!, 0, "")));
        RefusedUnchanged(ErrorCodes.NotFound, () => _proctoring.ValidateAction(new ProctorAction("s-9", ProctorAction.Pause, 0, "")));
        RefusedUnchanged(ErrorCodes.NotFound, () => _proctoring.ValidateAction(new ProctorAction(null!, ProctorAction.Pause, 0, "")));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Extend, 0, "")));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Extend, -5, "")));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Extend, ProctoringLimits.ExtensionMinutesMax + 1, "")));
        RefusedUnchanged(ErrorCodes.TooLarge, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Pause, 0, new string('因', ProctoringLimits.CauseLength + 1))));

        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Extend, 1, null!)));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Extend, 10, "  ")));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Pause, 0, "")));

        Assert.Equal("读写障碍", _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Extend, ProctoringLimits.ExtensionMinutesMax, "读写障碍")));
        Assert.Equal("停电", _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Pause, 999, " 停电 ")));
        Assert.Equal("", _proctoring.ValidateAction(new ProctorAction("s-2", ProctorAction.Resume, 0, "")));
        Assert.Equal("", _proctoring.ValidateAction(new ProctorAction("s-3", ProctorAction.Submit, -1, "")));
        Assert.Empty(_exam.Irregularities);
    }

    [Fact]
    public void The_log_records_minutes_of_extra_time_only_and_refuses_past_its_bound()
    {
        Published();
        var at = OpensAt.AddMinutes(20);
        var extended = _proctoring.Record(new ProctorAction("s-1", ProctorAction.Extend, 10, ""), "读写障碍", Author.UserId, at);
        var paused = _proctoring.Record(new ProctorAction("s-2", ProctorAction.Pause, 10, ""), "停电", Admin.UserId, at);

        Assert.Equal(("s-1", ProctorAction.Extend, 10, "读写障碍", Author.UserId, at), (extended.StudentId, extended.Kind, extended.Minutes, extended.Cause, extended.ByUserId, extended.At));
        Assert.Equal((0, Admin.UserId), (paused.Minutes, paused.ByUserId));
        Assert.Equal([ProctorAction.Extend, ProctorAction.Pause], _exam.Irregularities.Select(i => i.Kind));

        _state.Irregularities.AddRange(Enumerable.Range(0, ProctoringLimits.Irregularities - 2)
            .Select(i => new Irregularity(at, "s-3", ProctorAction.Pause, 0, "", Author.UserId)));
        RefusedUnchanged(ErrorCodes.Conflict, () => _proctoring.ValidateAction(new ProctorAction("s-1", ProctorAction.Resume, 0, "")));
    }

    [Fact]
    public void Results_are_published_once_and_only_when_closed()
    {
        var board = new ProctorBoard(id => id);
        Published();
        board.Report(Line("s-1", AttemptStatuses.Active));
        RefusedUnchanged(ErrorCodes.Conflict, () => _exam.ResultsPending(OpensAt.AddMinutes(10), board));
        RefusedUnchanged(ErrorCodes.Conflict, () => _exam.ResultsPending(OpensAt.AddMinutes(-10), board));
        Assert.True(_exam.ResultsPending(OpensAt.AddDays(1).AddMinutes(0), new ProctorBoard(id => id)));

        var published = _exam.PublishResults(OpensAt.AddDays(1));

        Assert.Equal(OpensAt.AddDays(1), published.At);
        Assert.True(_exam.ResultsPublished);
        Assert.False(_exam.ResultsPending(OpensAt.AddDays(2), board));
    }

    [Fact]
    public void A_candidate_sees_their_result_once_published_and_only_their_own_roster()
    {
        Published();
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireResultOf("s-9"));
        RefusedUnchanged(ErrorCodes.NotOpen, () => _exam.RequireResultOf("s-1"));

        _exam.PublishResults(OpensAt.AddDays(1));

        _exam.RequireResultOf("s-1");
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.RequireResultOf("s-9"));
    }

    [Fact]
    public void Proctors_and_markers_mark_short_answers_of_a_published_exam()
    {
        Created();
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.MarkableQuestion(OtherTeacher, "q5"));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.MarkableQuestion(Student, "q5"));
        RefusedUnchanged(ErrorCodes.NotOpen, () => _exam.MarkableQuestion(Marker, "q5"));
        RefusedUnchanged(ErrorCodes.NotOpen, () => _exam.MarkableQuestion(Author, "q5"));

        _exam.Publish(OpensAt.AddDays(-1), AsListed());

        RefusedUnchanged(ErrorCodes.NotFound, () => _exam.MarkableQuestion(Marker, "q9"));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _exam.MarkableQuestion(Marker, "q1"));
        RefusedUnchanged(ErrorCodes.InvalidArgument, () => _exam.MarkableQuestion(Admin, "q4"));
        RefusedUnchanged(ErrorCodes.Forbidden, () => _exam.MarkableQuestion(OtherTeacher, "q5"));
        Assert.Equal("q5", _exam.MarkableQuestion(Marker, "q5").Id);
        Assert.Equal("q5", _exam.MarkableQuestion(Author, "q5").Id);
        Assert.Equal("q5", _exam.MarkableQuestion(Admin, "q5").Id);
        Assert.Equal(["q5"], _exam.MarkedQuestions.Select(q => q.Id));
    }

    [Fact]
    public void The_plan_view_and_summary_carry_the_schedule_and_status()
    {
        var board = new ProctorBoard(id => id);
        Published();
        var now = OpensAt.AddMinutes(3);

        var plan = _exam.Plan("s-1");
        var view = _exam.View(now, board);
        var summary = _exam.Summary(now, board);

        Assert.Equal(new CandidatePlan("e-1", Author.UserId, OpensAt, 60, 15, true, true, ParsedSpec.Marking), plan);
        Assert.Equal(("e-1", ExamStatuses.Open, Author.UserId, now, OpensAt.AddDays(-1)), (view.Id, view.Status, view.CreatedBy, view.ServerNow, view.PublishedAt));
        Assert.Equal(Grader.MaxScore(ParsedSpec.Questions), view.MaxScore);
        Assert.Equal((ExamStatuses.Open, 5, 3, OpensAt.AddDays(-7)), (summary.Status, summary.Questions, summary.Candidates, summary.CreatedAt));
    }

    [Fact]
    public void A_candidates_snapshot_has_no_roster_and_a_proctors_has_every_line_and_the_counts()
    {
        var board = new ProctorBoard(id => id);
        Published();
        Announce("开考", OpensAt);
        board.Report(Line("s-2", AttemptStatuses.Active));
        var now = OpensAt.AddMinutes(1);

        var candidate = JsonDocument.Parse(LiveJson.Serialize(_proctoring.Snapshot(Student, now, board))).RootElement;
        var proctor = JsonDocument.Parse(LiveJson.Serialize(_proctoring.Snapshot(Author, now, board))).RootElement;

        Assert.Equal(["exam", "announcements"], candidate.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["exam", "announcements", "students", "counts", "rooms", "allRooms"], proctor.EnumerateObject().Select(p => p.Name));
        var exam = candidate.GetProperty("exam");
        Assert.Equal(["id", "title", "subject", "status", "opensAt", "durationMinutes", "lateJoinMinutes", "serverNow"], exam.EnumerateObject().Select(p => p.Name));
        Assert.Equal((ExamStatuses.Open, now), (exam.GetProperty("status").GetString(), exam.GetProperty("serverNow").GetDateTimeOffset()));
        Assert.Equal("开考", candidate.GetProperty("announcements")[0].GetProperty("text").GetString());
        Assert.Equal(["s-1", "s-2", "s-3"], proctor.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("studentId").GetString()));
        Assert.Equal(AttemptStatuses.Active, proctor.GetProperty("students")[1].GetProperty("status").GetString());
        Assert.Equal((2, 1), (proctor.GetProperty("counts").GetProperty("absent").GetInt32(), proctor.GetProperty("counts").GetProperty("active").GetInt32()));
    }
}
