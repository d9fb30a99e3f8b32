using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Events;

namespace Collab.Grains.Exams;

/// <summary>
/// The rules of one student's attempt (PROTOCOL §5) over its state and its answers: admission within the late-join
/// window, the deadline (start + duration + extra time + every pause, moving with the clock while paused), which
/// saves change an answer and which are resends or late copies, pause, resume, extension, accommodation and submission with its
/// grading. Pure: it is told the time and returns the rows to write and
/// the events to send; the grain authorizes, stores them, arms the timers and talks to the exam.
/// </summary>
public sealed class AttemptDocument(AttemptState state, string examId, string studentId)
{
    /// <summary>The answers given, by question: only what <c>exam_answer_slots</c> holds durably (a cleared answer is absent).</summary>
    private readonly Dictionary<string, SavedAnswer> _answers = [];

    /// <summary>The stored row of every question saved at least once, cleared ones included: who saved it, by which command.</summary>
    private readonly Dictionary<string, ExamAnswerRow> _slots = [];

    public string Status =>
        state.SubmittedAt is not null ? AttemptStatuses.Submitted
        : state.PausedAt is not null ? AttemptStatuses.Paused
        : state.StartedAt is not null ? AttemptStatuses.Active
        : AttemptStatuses.Absent;

    public bool IsStarted => state.StartedAt is not null;

    public bool IsRunning => state.StartedAt is not null && state.SubmittedAt is null;

    public bool IsPaused => state.PausedAt is not null;

    /// <summary>The submission, once there is one.</summary>
    public AttemptSubmitted? Submitted => state.SubmittedAt is { } at ? new AttemptSubmitted(at, state.SubmitReason, Cause) : null;

    /// <summary>The proctor's reason for collecting the paper, or null when there is none to tell.</summary>
    private string? Cause => state.SubmitCause.Length > 0 ? state.SubmitCause : null;

    /// <summary>Start plus duration, extra time and the accommodation, plus every pause; while paused it moves with the clock.</summary>
    public DateTimeOffset? Deadline(DateTimeOffset now) =>
        state.StartedAt is null || state.Plan is null
            ? null
            : state.StartedAt.Value + TimeSpan.FromMinutes(state.Plan.DurationMinutes + ExtraMinutes) + state.PausedTotal
              + (state.PausedAt is null ? TimeSpan.Zero : now - state.PausedAt.Value);

    /// <summary>How long until a started attempt's deadline, never less than nothing.</summary>
    public TimeSpan TimeLeft(DateTimeOffset now) => Deadline(now) is { } deadline && deadline > now ? deadline - now : TimeSpan.Zero;

    /// <summary>A running, unpaused attempt whose deadline has come is due to be submitted.</summary>
    public bool DeadlinePassed(DateTimeOffset now) => IsRunning && state.PausedAt is null && now >= Deadline(now);

    /// <summary>
    /// The deadline reminder has nothing left to do: the attempt never started, or it is submitted and its short
    /// answers (if any) are with marking.
    /// </summary>
    public bool ReminderDone => state.StartedAt is null || (state.SubmittedAt is not null && (state.MarkingQueued || state.AwaitingMarking.Count == 0));

    public void RequireStudent(string userId)
    {
        if (userId != studentId)
        {
            throw CollabException.Forbidden("an attempt belongs to its student alone");
        }
    }

    /// <summary>Fixes the candidate's plan and their draw of question and option order.</summary>
    public void Prepare(CandidatePlan plan, IReadOnlyList<PaperQuestion> paper, string attemptRef)
    {
        state.Plan = plan;
        state.Order = PaperShuffler.Draw(plan.ExamId, studentId, paper, plan.ShuffleQuestions, plan.ShuffleOptions);
        state.AttemptRef = attemptRef;
    }

    /// <summary>Admits a start from the opening until the late join closes; the deadline a start now would have.</summary>
    public DateTimeOffset Admit(CandidatePlan plan, DateTimeOffset now)
    {
        if (now < plan.OpensAt)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"exam {examId} opens at {plan.OpensAt:yyyy-MM-dd HH:mm:ss}Z");
        }
        if (now > plan.OpensAt + TimeSpan.FromMinutes(plan.LateJoinMinutes))
        {
            throw new CollabException(ErrorCodes.NotOpen, $"exam {examId} no longer admits new candidates (late join closed {plan.LateJoinMinutes} minutes after opening)");
        }
        return now + TimeSpan.FromMinutes(plan.DurationMinutes + ExtraMinutes);
    }

    public AttemptStartedEvent Start(CandidatePlan plan, IReadOnlyList<PaperQuestion> paper, string attemptRef, string name, DateTimeOffset startedAt, DateTimeOffset deadline)
    {
        if (state.Order is null)
        {
            Prepare(plan, paper, attemptRef);
        }
        state.StartedAt = startedAt;
        state.LastSeenAt = startedAt;
        state.Name = name;
        return new AttemptStartedEvent(startedAt, deadline);
    }

    public void Seen(DateTimeOffset now) => state.LastSeenAt = now;

    /// <summary>
    /// Decides one SaveAnswer: a save the table already holds (also when another client has replaced the row since)
    /// and a late copy of one this client has since overwritten are answered without a row; any other valid save of a
    /// writable attempt becomes the row to write. Nothing changes until <see cref="Remember"/> is told the row is stored.
    /// </summary>
    public AnswerDecision Save(IReadOnlyList<PaperQuestion> paper, CommandId command, string questionId, string answerJson, DateTimeOffset now)
    {
        var stored = _slots.Values
            .Select(row => AcceptedSaves.Latest(row, command.ClientId))
            .FirstOrDefault(save => save?.ClientSeq == command.ClientSeq);
        if (stored is not null)
        {
            return new AnswerDecision(new AnswerSaved(stored.SavedAt), null, null);
        }
        RequireWritable();
        var question = paper.FirstOrDefault(q => q.Id == questionId)
            ?? throw CollabException.Invalid($"question {questionId} is not on this paper");
        var answer = AnswerParser.Parse(question, answerJson);
        var slot = _slots.GetValueOrDefault(question.Id);
        if (slot is not null && AcceptedSaves.Latest(slot, command.ClientId) is { } newer && newer.ClientSeq > command.ClientSeq)
        {
            return new AnswerDecision(new AnswerSaved(newer.SavedAt), null, null);
        }
        var row = new ExamAnswerRow(examId, studentId, question.Id, LiveJson.Serialize(answer), command.ClientId,
            command.ClientSeq, now, AcceptedSaves.Replacing(slot, command.ClientId));
        return new AnswerDecision(new AnswerSaved(now), row, answer);
    }

    /// <summary>Takes in a row the table holds: one just written, or one read back at activation.</summary>
    public void Remember(ExamAnswerRow row, StudentAnswer answer)
    {
        _slots[row.QuestionId] = row;
        if (IsCleared(answer))
        {
            _answers.Remove(row.QuestionId);
        }
        else
        {
            _answers[row.QuestionId] = new SavedAnswer(answer, row.SavedAt);
        }
        if (state.LastSeenAt is null || state.LastSeenAt < row.SavedAt)
        {
            state.LastSeenAt = row.SavedAt;
        }
    }

    /// <summary>
    /// The answers an attempt begun before <c>exam_answer_slots</c> kept in its state, as rows to move to the table:
    /// those of a question the table has no row for (a row already there is newer and wins).
    /// </summary>
    public IReadOnlyList<(ExamAnswerRow Row, StudentAnswer Answer)> StateAnswersToMove() =>
        state.Answers
            .Where(a => !_slots.ContainsKey(a.Key))
            .Select(a => (new ExamAnswerRow(examId, studentId, a.Key, LiveJson.Serialize(a.Value.Answer), "", 0, a.Value.SavedAt, AcceptedSaves.None), a.Value.Answer))
            .ToList();

    public string ShortAnswer(string questionId) => _answers.GetValueOrDefault(questionId)?.Answer.Text ?? "";

    public void LoseFocus(DateTimeOffset now)
    {
        state.FocusLosses++;
        state.LastSeenAt = now;
        state.FocusLostAt.Add(now);
        if (state.FocusLostAt.Count > ProctoringLimits.FocusLossesKept)
        {
            state.FocusLostAt.RemoveAt(0);
        }
    }

    public IReadOnlyList<DateTimeOffset> FocusLosses => state.FocusLostAt;

    public AttemptPausedEvent Pause(string cause, DateTimeOffset now)
    {
        RequireStatus(AttemptStatuses.Active, "paused");
        state.PausedAt = now;
        return new AttemptPausedEvent(cause);
    }

    /// <summary>Adds the pause to the deadline.</summary>
    public AttemptResumedEvent Resume(DateTimeOffset now)
    {
        RequireStatus(AttemptStatuses.Paused, "resumed");
        state.PausedTotal += now - state.PausedAt!.Value;
        state.PausedAt = null;
        return new AttemptResumedEvent(Deadline(now)!.Value, now);
    }

    /// <summary>Gives extra time, before the start too; not after the submission.</summary>
    public DeadlineChangedEvent Extend(int minutes, DateTimeOffset now)
    {
        RequireNotSubmitted("given extra time");
        state.ExtraMinutes += minutes;
        return new DeadlineChangedEvent(Deadline(now), ExtraMinutes, now);
    }

    /// <summary>Sets the accommodation, before the start (it counts from there) or while writing; not after the submission.</summary>
    public DeadlineChangedEvent Accommodate(int minutes, DateTimeOffset now)
    {
        RequireNotSubmitted("given an accommodation");
        state.AccommodationMinutes = minutes;
        return new DeadlineChangedEvent(Deadline(now), ExtraMinutes, now);
    }

    /// <summary>A student submits their started attempt; a submitted one is left as it is.</summary>
    public bool StudentSubmitPending()
    {
        if (state.StartedAt is null)
        {
            throw new CollabException(ErrorCodes.NotOpen, "you have not started this exam");
        }
        return state.SubmittedAt is null;
    }

    /// <summary>A proctor submits a started attempt; a submitted one is left as it is.</summary>
    public bool ProctorSubmitPending()
    {
        if (state.StartedAt is null)
        {
            throw CollabException.Conflict($"{studentId} has not started; there is nothing to submit");
        }
        return state.SubmittedAt is null;
    }

    /// <summary>
    /// Submits and grades: objective questions by the key, a short answer left blank as 0, a given one waits for its
    /// markers. <paramref name="cause"/> is the proctor's reason for a force-submit, kept to tell the student.
    /// </summary>
    public AttemptSubmittedEvent Submit(string reason, IReadOnlyList<PaperQuestion> paper, DateTimeOffset now, string cause = "")
    {
        state.SubmittedAt = now;
        state.SubmitReason = reason;
        state.SubmitCause = cause;
        state.PausedAt = null;
        state.Scores.Clear();
        state.AwaitingMarking.Clear();
        foreach (var question in paper)
        {
            var answer = _answers.GetValueOrDefault(question.Id)?.Answer;
            if (QuestionKinds.IsObjective(question.Kind))
            {
                state.Scores[question.Id] = Grader.Grade(question, answer) ?? 0;
            }
            else if (string.IsNullOrWhiteSpace(answer?.Text))
            {
                state.Scores[question.Id] = 0;
            }
            else
            {
                state.AwaitingMarking.Add(question.Id);
            }
        }
        return new AttemptSubmittedEvent(reason, now, Cause);
    }

    /// <summary>
    /// Regrades a submitted attempt's objective questions with a changed key, from the answers it was submitted with;
    /// short answers and their marks are left as they are; an attempt not yet submitted grades when it is.
    /// </summary>
    public void Regrade(IReadOnlyList<PaperQuestion> paper)
    {
        if (state.SubmittedAt is null)
        {
            return;
        }
        foreach (var question in paper.Where(q => QuestionKinds.IsObjective(q.Kind)))
        {
            state.Scores[question.Id] = Grader.Grade(question, _answers.GetValueOrDefault(question.Id)?.Answer) ?? 0;
        }
    }

    /// <summary>What a submitted attempt chose per answered question, for item analysis (<see cref="AttemptResponses"/>).</summary>
    public AttemptResponses Responses(IReadOnlyList<PaperQuestion> paper)
    {
        if (state.SubmittedAt is null)
        {
            return new AttemptResponses(studentId, new Dictionary<string, IReadOnlyList<string>>());
        }
        var kinds = paper.ToDictionary(q => q.Id, q => q.Kind);
        return new AttemptResponses(studentId, _answers
            .Where(a => kinds.ContainsKey(a.Key))
            .ToDictionary(a => a.Key, a => Chosen(kinds[a.Key], a.Value.Answer)));
    }

    private static IReadOnlyList<string> Chosen(string kind, StudentAnswer answer) => kind switch
    {
        QuestionKinds.Single when answer.Choice is { } choice => [choice],
        QuestionKinds.Multiple => answer.Choices ?? [],
        QuestionKinds.TrueFalse when answer.Truth is { } truth => [truth ? "true" : "false"],
        _ => [],
    };

    public CandidateProgress Progress(DateTimeOffset now) =>
        new(studentId, Name, Status, _answers.Count, state.LastSeenAt, state.FocusLosses, Deadline(now), state.SubmittedAt);

    public StudentResult Result(IReadOnlyList<PaperQuestion> paper)
    {
        var submitted = state.SubmittedAt is not null;
        return new StudentResult(
            studentId,
            Name,
            Status,
            submitted ? state.Scores.Values.Sum() : 0,
            Grader.MaxScore(paper),
            submitted ? state.AwaitingMarking.Count : 0,
            submitted ? new Dictionary<string, decimal>(state.Scores) : new Dictionary<string, decimal>());
    }

    /// <summary>The student's paper in their order, with their answers in the wire form, and how it was submitted.</summary>
    public AttemptView View(IReadOnlyList<PaperQuestion> paper, DateTimeOffset now, long seq)
    {
        var kinds = paper.ToDictionary(q => q.Id, q => q.Kind);
        var answers = _answers.ToDictionary(
            a => a.Key,
            a => LiveJson.Serialize(ExamWire.Answer(kinds[a.Key], a.Value.Answer)));
        return new AttemptView(Status, PaperShuffler.StudentPaper(paper, state.Order!), answers, Deadline(now), now, state.StartedAt, state.SubmittedAt, seq,
            Submitted?.Reason, Submitted?.Cause);
    }

    public object Snapshot(DateTimeOffset now) => new
    {
        status = Status,
        startedAt = state.StartedAt,
        deadline = Deadline(now),
        submittedAt = state.SubmittedAt,
        submitReason = state.SubmittedAt is null ? null : state.SubmitReason,
        submitCause = Submitted?.Cause,
        serverNow = now,
    };

    /// <summary>The name the attempt started under; before that, the roster's (the directory's at publishing), else the id.</summary>
    private string Name => state.Name.Length > 0 ? state.Name : state.Plan?.StudentName ?? studentId;

    private static bool IsCleared(StudentAnswer answer) =>
        answer.Choice is null && answer.Choices is null && answer.Truth is null && answer.Blanks is null && answer.Text is null;

    private void RequireWritable()
    {
        if (state.StartedAt is null)
        {
            throw new CollabException(ErrorCodes.NotOpen, "start the exam before answering");
        }
        if (state.SubmittedAt is not null)
        {
            throw state.SubmitReason == SubmitReasons.Deadline
                ? new CollabException(ErrorCodes.DeadlinePassed, "the time for this exam is over; your answers were submitted")
                : new CollabException(ErrorCodes.Closed, "this attempt is submitted; answers can no longer change");
        }
        if (state.PausedAt is not null)
        {
            throw CollabException.Conflict("the proctor has paused your exam; the clock is stopped until it resumes");
        }
    }

    /// <summary>Every extra minute: the proctors' extensions and the accommodation.</summary>
    private int ExtraMinutes => state.ExtraMinutes + state.AccommodationMinutes;

    private void RequireNotSubmitted(string what)
    {
        if (state.SubmittedAt is not null)
        {
            throw new CollabException(ErrorCodes.Closed, $"{studentId} has already submitted and cannot be {what}");
        }
    }

    private void RequireStatus(string status, string what)
    {
        RequireNotSubmitted(what);
        if (Status != status)
        {
            throw CollabException.Conflict($"{studentId} is {Status} and cannot be {what}");
        }
    }
}
