using Collab.Grains.Interfaces.Live;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

/// <summary>The rules of one attempt on the document alone: no cluster, no answer table, the time given by each test.</summary>
public sealed class AttemptDocumentTests
{
    private static readonly DateTimeOffset OpensAt = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly CandidatePlan Plan = new("e-1", "author", OpensAt, 60, 15, false, false, new MarkingPolicy(MarkingPolicy.SingleMode, 0));
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private readonly AttemptState _state = new();
    private readonly AttemptDocument _attempt;

    public AttemptDocumentTests() => _attempt = new AttemptDocument(_state, "e-1", "s-1");

    private static void Refused(string code, Action call) => Assert.Equal(code, Assert.Throws<CollabException>(call).Code);

    private DateTimeOffset Started(DateTimeOffset? at = null)
    {
        var startedAt = at ?? OpensAt.AddMinutes(2);
        _attempt.Start(Plan, Paper, "r-1", "小明", startedAt, _attempt.Admit(Plan, startedAt));
        return startedAt;
    }

    /// <summary>A save as the grain makes it: decided, then remembered once its row is stored.</summary>
    private AnswerSaved Save(string questionId, string answerJson, long seq, DateTimeOffset now, string clientId = "tab")
    {
        var decision = _attempt.Save(Paper, new CommandId(clientId, seq), questionId, answerJson, now);
        if (decision.Row is { } row)
        {
            _attempt.Remember(row, decision.Answer!);
        }
        return decision.Result;
    }

    [Fact]
    public void A_start_is_admitted_from_the_opening_until_the_late_join_closes()
    {
        Refused(ErrorCodes.NotOpen, () => _attempt.Admit(Plan, OpensAt.AddMilliseconds(-1)));
        Refused(ErrorCodes.NotOpen, () => _attempt.Admit(Plan, OpensAt.AddMinutes(15).AddMilliseconds(1)));

        Assert.Equal(OpensAt.AddMinutes(60), _attempt.Admit(Plan, OpensAt));
        Assert.Equal(OpensAt.AddMinutes(75), _attempt.Admit(Plan, OpensAt.AddMinutes(15)));
        Assert.Equal(AttemptStatuses.Absent, _attempt.Status);
    }

    [Fact]
    public void Extra_time_given_before_the_start_is_in_the_first_deadline()
    {
        var changed = _attempt.Extend(10, OpensAt);

        Assert.Null(changed.Deadline);
        Assert.Equal(OpensAt.AddMinutes(70), _attempt.Admit(Plan, OpensAt));
        var startedAt = Started(OpensAt);
        Assert.Equal(startedAt.AddMinutes(70), _attempt.Deadline(startedAt));
    }

    [Fact]
    public void Starting_fixes_the_draw_once_and_names_the_student()
    {
        _attempt.Prepare(Plan, Paper, "r-prepared");
        var order = _state.Order;
        var startedAt = Started();

        Assert.Same(order, _state.Order);
        Assert.Equal("r-prepared", _state.AttemptRef);
        Assert.Equal(AttemptStatuses.Active, _attempt.Status);
        Assert.Equal(("小明", startedAt), (_attempt.Progress(startedAt).Name, _attempt.Progress(startedAt).LastSeenAt!.Value));
    }

    [Fact]
    public void A_pause_stops_the_clock_and_the_deadline_moves_by_its_length()
    {
        var startedAt = Started();
        var pausedAt = startedAt.AddMinutes(30);
        _attempt.Pause("停电", pausedAt);

        Assert.Equal(AttemptStatuses.Paused, _attempt.Status);
        Assert.Equal(startedAt.AddMinutes(65), _attempt.Deadline(pausedAt.AddMinutes(5)));
        Assert.False(_attempt.DeadlinePassed(startedAt.AddMinutes(200)));

        var resumed = _attempt.Resume(pausedAt.AddMinutes(7));

        Assert.Equal(startedAt.AddMinutes(67), resumed.Deadline);
        Assert.False(_attempt.DeadlinePassed(startedAt.AddMinutes(67).AddMilliseconds(-1)));
        Assert.True(_attempt.DeadlinePassed(startedAt.AddMinutes(67)));
    }

    [Fact]
    public void Pause_resume_and_extension_are_refused_in_the_wrong_state()
    {
        Refused(ErrorCodes.Conflict, () => _attempt.Pause("早", OpensAt));
        Refused(ErrorCodes.Conflict, () => _attempt.Resume(OpensAt));
        var startedAt = Started();
        Refused(ErrorCodes.Conflict, () => _attempt.Resume(startedAt));
        _attempt.Pause("停电", startedAt.AddMinutes(1));
        Refused(ErrorCodes.Conflict, () => _attempt.Pause("又", startedAt.AddMinutes(2)));
        _attempt.Submit(SubmitReasons.Proctor, Paper, startedAt.AddMinutes(3));

        // A submitted attempt is closed to every change of its clock.
        Refused(ErrorCodes.Closed, () => _attempt.Pause("后", startedAt.AddMinutes(4)));
        Refused(ErrorCodes.Closed, () => _attempt.Resume(startedAt.AddMinutes(4)));
        Refused(ErrorCodes.Closed, () => _attempt.Extend(5, startedAt.AddMinutes(4)));
        Refused(ErrorCodes.Closed, () => _attempt.Accommodate(15, startedAt.AddMinutes(4)));
        Assert.Equal(AttemptStatuses.Submitted, _attempt.Status);
        Assert.False(_attempt.IsPaused);
    }

    [Fact]
    public void A_proctor_submits_only_a_started_attempt_and_once()
    {
        Refused(ErrorCodes.Conflict, () => _attempt.ProctorSubmitPending());
        var startedAt = Started();
        Assert.True(_attempt.ProctorSubmitPending());
        _attempt.Submit(SubmitReasons.Proctor, Paper, startedAt.AddMinutes(1));

        Assert.False(_attempt.ProctorSubmitPending());
        Assert.Equal(new AttemptSubmitted(startedAt.AddMinutes(1), SubmitReasons.Proctor), _attempt.Submitted);
    }

    [Fact]
    public void Answers_are_refused_before_the_start_while_paused_after_a_submission_and_off_the_paper()
    {
        Refused(ErrorCodes.NotOpen, () => _attempt.Save(Paper, new CommandId("tab", 1), "q1", "\"b\"", OpensAt));
        var startedAt = Started();
        Refused(ErrorCodes.InvalidArgument, () => _attempt.Save(Paper, new CommandId("tab", 1), "q9", "\"b\"", startedAt));
        Refused(ErrorCodes.InvalidArgument, () => _attempt.Save(Paper, new CommandId("tab", 1), "q1", "\"z\"", startedAt));
        Refused(ErrorCodes.InvalidArgument, () => _attempt.Save(Paper, new CommandId("tab", 1), "q3", "{", startedAt));
        _attempt.Pause("停电", startedAt.AddMinutes(1));
        Refused(ErrorCodes.Conflict, () => _attempt.Save(Paper, new CommandId("tab", 1), "q1", "\"b\"", startedAt.AddMinutes(2)));
        _attempt.Resume(startedAt.AddMinutes(3));
        _attempt.Submit(SubmitReasons.Student, Paper, startedAt.AddMinutes(4));
        Refused(ErrorCodes.Closed, () => _attempt.Save(Paper, new CommandId("tab", 1), "q1", "\"b\"", startedAt.AddMinutes(5)));

        Assert.Equal(0, _attempt.Progress(startedAt).Answered);
    }

    [Fact]
    public void After_the_deadline_submitted_the_attempt_an_answer_is_refused_as_deadline_passed()
    {
        var startedAt = Started();
        _attempt.Submit(SubmitReasons.Deadline, Paper, startedAt.AddMinutes(60));

        Refused(ErrorCodes.DeadlinePassed, () => _attempt.Save(Paper, new CommandId("tab", 1), "q1", "\"b\"", startedAt.AddMinutes(61)));
    }

    [Fact]
    public void A_save_is_a_row_to_write_and_counts_only_once_remembered()
    {
        var startedAt = Started();

        var decision = _attempt.Save(Paper, new CommandId("tab", 4), "q1", "\"b\"", startedAt.AddMinutes(1));

        Assert.Equal(new AnswerSaved(startedAt.AddMinutes(1)), decision.Result);
        Assert.Equal(("e-1", "s-1", "q1", "tab", 4L), (decision.Row!.ExamId, decision.Row.StudentId, decision.Row.QuestionId, decision.Row.ClientId, decision.Row.ClientSeq));
        Assert.Equal(new StudentAnswer(Choice: "b"), LiveJson.Deserialize<StudentAnswer>(decision.Row.AnswerJson));
        Assert.Equal(0, _attempt.Progress(startedAt).Answered);
        _attempt.Remember(decision.Row, decision.Answer!);
        Assert.Equal(1, _attempt.Progress(startedAt).Answered);
        Assert.Equal(startedAt.AddMinutes(1), _attempt.Progress(startedAt).LastSeenAt);
    }

    [Fact]
    public void A_resend_and_a_late_copy_are_answered_without_a_row_and_another_client_still_saves()
    {
        var startedAt = Started();
        Save("q1", "\"a\"", 1, startedAt.AddMinutes(1));
        Save("q1", "\"b\"", 2, startedAt.AddMinutes(2));

        var resend = _attempt.Save(Paper, new CommandId("tab", 2), "q1", "\"b\"", startedAt.AddMinutes(3));
        var late = _attempt.Save(Paper, new CommandId("tab", 1), "q1", "\"a\"", startedAt.AddMinutes(4));
        var phone = _attempt.Save(Paper, new CommandId("phone", 1), "q1", "\"c\"", startedAt.AddMinutes(5));

        Assert.Equal((new AnswerSaved(startedAt.AddMinutes(2)), (ExamAnswerRow?)null), (resend.Result, resend.Row));
        Assert.Equal((new AnswerSaved(startedAt.AddMinutes(2)), (ExamAnswerRow?)null), (late.Result, late.Row));
        Assert.NotNull(phone.Row);
        Assert.Equal(2, phone.Row.Earlier["tab"].ClientSeq);
    }

    [Fact]
    public void A_cleared_answer_no_longer_counts_but_keeps_its_slot_for_resends()
    {
        var startedAt = Started();
        Save("q5", "\"存储程序\"", 1, startedAt.AddMinutes(1));
        Assert.Equal("存储程序", _attempt.ShortAnswer("q5"));

        Save("q5", "null", 2, startedAt.AddMinutes(2));

        Assert.Equal("", _attempt.ShortAnswer("q5"));
        Assert.Equal(0, _attempt.Progress(startedAt).Answered);
        Assert.Null(_attempt.Save(Paper, new CommandId("tab", 2), "q5", "null", startedAt.AddMinutes(3)).Row);
        Assert.Empty(_attempt.View(Paper, startedAt.AddMinutes(3), 7).AnswersJson);
    }

    [Fact]
    public void Submitting_grades_objective_questions_scores_a_blank_short_answer_0_and_leaves_a_given_one_to_markers()
    {
        var startedAt = Started();
        Save("q1", "\"b\"", 1, startedAt.AddMinutes(1));
        Save("q3", "false", 2, startedAt.AddMinutes(1));
        Save("q5", "\"存储程序\"", 3, startedAt.AddMinutes(1));
        Assert.Equal((0m, 0), (_attempt.Result(Paper).Score, _attempt.Result(Paper).PendingMarking));

        var submitted = _attempt.Submit(SubmitReasons.Student, Paper, startedAt.AddMinutes(20));

        Assert.Equal((SubmitReasons.Student, startedAt.AddMinutes(20)), (submitted.Reason, submitted.SubmittedAt));
        var result = _attempt.Result(Paper);
        Assert.Equal(2m, result.Score);
        Assert.Equal(20m, result.MaxScore);
        Assert.Equal(1, result.PendingMarking);
        Assert.Equal(new Dictionary<string, decimal> { ["q1"] = 2, ["q2"] = 0, ["q3"] = 0, ["q4"] = 0 }, result.PerQuestion);
        Assert.Equal(["q5"], _state.AwaitingMarking);
        Assert.False(_attempt.ReminderDone);
        _state.MarkingQueued = true;
        Assert.True(_attempt.ReminderDone);
    }

    [Fact]
    public void The_reminder_is_done_for_an_attempt_never_started_or_submitted_with_nothing_to_mark()
    {
        Assert.True(_attempt.ReminderDone);
        var startedAt = Started();
        Assert.False(_attempt.ReminderDone);
        _attempt.Submit(SubmitReasons.Deadline, Paper, startedAt.AddMinutes(60));
        Assert.True(_attempt.ReminderDone);
    }

    [Fact]
    public void Answers_kept_in_the_state_move_to_the_table_unless_it_has_a_newer_row()
    {
        var startedAt = Started();
        _state.Answers["q1"] = new SavedAnswer(new StudentAnswer(Choice: "a"), startedAt.AddMinutes(1));
        _state.Answers["q3"] = new SavedAnswer(new StudentAnswer(Truth: true), startedAt.AddMinutes(1));
        Save("q1", "\"c\"", 1, startedAt.AddMinutes(2));

        var moving = _attempt.StateAnswersToMove();

        Assert.Equal(["q3"], moving.Select(m => m.Row.QuestionId));
        Assert.Equal(("", 0L), (moving[0].Row.ClientId, moving[0].Row.ClientSeq));
    }

    [Fact]
    public void The_snapshot_tells_the_reason_only_once_submitted()
    {
        var startedAt = Started();
        var before = System.Text.Json.JsonDocument.Parse(LiveJson.Serialize(_attempt.Snapshot(startedAt))).RootElement;
        _attempt.Submit(SubmitReasons.Student, Paper, startedAt.AddMinutes(1));
        var after = System.Text.Json.JsonDocument.Parse(LiveJson.Serialize(_attempt.Snapshot(startedAt.AddMinutes(2)))).RootElement;

        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("submitReason").ValueKind);
        Assert.Equal(AttemptStatuses.Active, before.GetProperty("status").GetString());
        Assert.Equal(SubmitReasons.Student, after.GetProperty("submitReason").GetString());
    }

    [Fact]
    public void The_view_says_how_and_when_the_attempt_was_submitted_and_the_proctors_reason_alone_is_kept()
    {
        var startedAt = Started();
        Assert.Equal((null, null), (_attempt.View(Paper, startedAt, 1).SubmitReason, _attempt.View(Paper, startedAt, 1).SubmitCause));

        var deadline = _attempt.Deadline(startedAt)!.Value;
        var submitted = _attempt.Submit(SubmitReasons.Deadline, Paper, deadline);
        var view = _attempt.View(Paper, deadline.AddMinutes(5), 2);

        Assert.Null(submitted.Cause);
        Assert.Equal((SubmitReasons.Deadline, null, deadline), (view.SubmitReason, view.SubmitCause, view.SubmittedAt));

        var collected = new AttemptDocument(new AttemptState(), "e-1", "s-2");
        collected.Start(Plan, Paper, "r-2", "小红", startedAt, collected.Admit(Plan, startedAt));
        var byProctor = collected.Submit(SubmitReasons.Proctor, Paper, startedAt.AddMinutes(3), "设备故障，改纸笔作答");
        var collectedView = collected.View(Paper, startedAt.AddMinutes(4), 3);

        Assert.Equal("设备故障，改纸笔作答", byProctor.Cause);
        Assert.Equal((SubmitReasons.Proctor, "设备故障，改纸笔作答", startedAt.AddMinutes(3)),
            (collectedView.SubmitReason, collectedView.SubmitCause, collectedView.SubmittedAt));
        Assert.Equal(new AttemptSubmitted(startedAt.AddMinutes(3), SubmitReasons.Proctor, "设备故障，改纸笔作答"), collected.Submitted);
    }

    [Fact]
    public void An_attempt_is_its_students_alone()
    {
        _attempt.RequireStudent("s-1");
        Refused(ErrorCodes.Forbidden, () => _attempt.RequireStudent("s-2"));
        Refused(ErrorCodes.Forbidden, () => _attempt.RequireStudent(""));
    }

    [Fact]
    public void A_student_submits_a_started_attempt_once()
    {
        Refused(ErrorCodes.NotOpen, () => _attempt.StudentSubmitPending());
        var startedAt = Started();
        Assert.True(_attempt.StudentSubmitPending());

        _attempt.Submit(SubmitReasons.Student, Paper, startedAt.AddMinutes(5));

        Assert.False(_attempt.StudentSubmitPending());
        Assert.Equal(new AttemptSubmitted(startedAt.AddMinutes(5), SubmitReasons.Student), _attempt.Submitted);
    }

    [Fact]
    public void The_time_left_counts_down_to_the_deadline_and_stops_at_nothing()
    {
        Assert.Equal(TimeSpan.Zero, _attempt.TimeLeft(OpensAt));
        var startedAt = Started();

        Assert.Equal(TimeSpan.FromMinutes(60), _attempt.TimeLeft(startedAt));
        Assert.Equal(TimeSpan.FromMinutes(1), _attempt.TimeLeft(startedAt.AddMinutes(59)));
        Assert.Equal(TimeSpan.Zero, _attempt.TimeLeft(startedAt.AddMinutes(60)));
        Assert.Equal(TimeSpan.Zero, _attempt.TimeLeft(startedAt.AddHours(3)));

        _attempt.Pause("停电", startedAt.AddMinutes(50));
        Assert.Equal(TimeSpan.FromMinutes(10), _attempt.TimeLeft(startedAt.AddMinutes(80)));
    }
}
