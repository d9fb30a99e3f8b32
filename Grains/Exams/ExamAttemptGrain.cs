using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// One student's attempt (PROTOCOL §5). Every answer is durable before <c>SaveAnswer</c> returns. The deadline is
/// enforced on every command, by a grain timer while the attempt is active, and by a durable reminder that fires
/// even when no silo holds the attempt at that moment; whichever comes first submits it.
/// </summary>
/// <remarks>
/// Answers live in <c>exam_answer_slots</c>, one row per question, written by the silo's group commit
/// (<see cref="ExamAnswerStore"/>), not in the grain state: a save writes one small row instead of the whole attempt,
/// and many attempts' saves share one transaction. The grain state keeps the rest (order, deadline, status, scores),
/// and activation reads the answers back from the table.
/// </remarks>
public sealed class ExamAttemptGrain(
    [PersistentState("examattempt", StorageNames.Default)] IPersistentState<AttemptState> store,
    ExamAnswerStore answerStore,
    IOptions<ExamOptions> examOptions,
    IOptions<LiveStreamOptions> options,
    TimeProvider time,
    ILogger<ExamAttemptGrain> logger)
    : LiveGrain<AttemptState>(store, options, time, logger), IExamAttemptGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";

    private readonly ExamOptions _exam = examOptions.Value;
    private readonly ILogger _logger = logger;
    private IReadOnlyList<PaperQuestion>? _paper;
    private IGrainTimer? _deadlineTimer;
    private IGrainTimer? _answeredReport;
    private IGrainTimer? _markingTimer;

    /// <summary>The answers given, by question: only what <c>exam_answer_slots</c> holds durably (a cleared answer is absent).</summary>
    private readonly Dictionary<string, SavedAnswer> _answers = [];

    /// <summary>The stored row of every question saved at least once, cleared ones included: who saved it, by which command.</summary>
    private readonly Dictionary<string, ExamAnswerRow> _slots = [];

    /// <summary>The row the running <see cref="SaveAnswerAsync"/> writes instead of the grain state; null for any other command.</summary>
    private PendingSave? _pendingSave;

    protected override string Area => "exam-attempts";

    private string ExamId => AttemptKeys.Split(Id).ExamId;

    private string StudentId => AttemptKeys.Split(Id).OtherId;

    private IExamGrain Exam => GrainFactory.GetGrain<IExamGrain>(ExamId);

    private string Status =>
        State.SubmittedAt is not null ? AttemptStatuses.Submitted
        : State.PausedAt is not null ? AttemptStatuses.Paused
        : State.StartedAt is not null ? AttemptStatuses.Active
        : AttemptStatuses.Absent;

    /// <summary>Start plus duration and extra time, plus every pause; while paused it moves with the clock.</summary>
    private DateTimeOffset? Deadline =>
        State.StartedAt is null || State.Plan is null
            ? null
            : State.StartedAt.Value + _exam.Minute * (State.Plan.DurationMinutes + State.ExtraMinutes) + State.PausedTotal
              + (State.PausedAt is null ? TimeSpan.Zero : Now - State.PausedAt.Value);

    private bool IsRunning => State.StartedAt is not null && State.SubmittedAt is null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Answers need a started attempt, so the thousands prepared before an exam opens read nothing here.
        if (State.StartedAt is not null)
        {
            foreach (var row in await answerStore.ReadAsync(ExamId, StudentId))
            {
                Remember(row, LiveJson.Deserialize<StudentAnswer>(row.AnswerJson));
            }
            await MoveStateAnswersAsync();
        }
        if (IsRunning && State.PausedAt is null)
        {
            ArmDeadlineTimer();
        }
    }

    public async Task PrepareAsync(CandidatePlan plan)
    {
        if (State.Plan is not null)
        {
            return;
        }
        var paper = await PaperAsync();
        await RunAsync(() => Prepare(plan, paper));
    }

    public async Task<AttemptView> StartAsync(Caller caller)
    {
        RequireStudent(caller);
        var plan = State.Plan ?? await Exam.GetCandidatePlanAsync(StudentId);
        var paper = await PaperAsync();
        await EnforceDeadlineAsync();
        if (State.StartedAt is null)
        {
            if (Now < plan.OpensAt)
            {
                throw new CollabException(ErrorCodes.NotOpen, $"exam {ExamId} opens at {plan.OpensAt:yyyy-MM-dd HH:mm:ss}Z");
            }
            if (Now > plan.OpensAt + _exam.Minute * plan.LateJoinMinutes)
            {
                throw new CollabException(ErrorCodes.NotOpen, $"exam {ExamId} no longer admits new candidates (late join closed {plan.LateJoinMinutes} minutes after opening)");
            }
            // The durable backstop is armed before the start is written: a start is never acknowledged without it, and
            // a reminder left by a start that failed to write finds no started attempt and removes itself.
            var startedAt = Now;
            var deadline = startedAt + _exam.Minute * (plan.DurationMinutes + State.ExtraMinutes);
            await this.RegisterOrUpdateReminder(DeadlineReminder, Until(deadline), _exam.DeadlineReminderPeriod);
            await RunAsync(() =>
            {
                if (State.Order is null)
                {
                    Prepare(plan, paper);
                }
                State.StartedAt = startedAt;
                State.LastSeenAt = startedAt;
                State.Name = caller.Name;
                Emit(new AttemptStartedEvent(startedAt, deadline));
            });
            ArmDeadlineTimer();
            ReportProgress();
        }
        else
        {
            State.LastSeenAt = Now;
            ReportProgress();
        }
        return View(paper);
    }

    public async Task<AnswerSaved> SaveAnswerAsync(Caller caller, CommandId command, string questionId, string answerJson)
    {
        RequireStudent(caller);
        await EnforceDeadlineAsync();
        var paper = await PaperAsync();
        _pendingSave = new PendingSave();
        AnswerSaved saved;
        try
        {
            saved = await RunAsync(caller, command, () =>
            {
                // Recorded commands of this activation are answered by RunAsync; these are the ones the table answers, also
                // when another client's save has replaced the row since (applying it again would bring back an older answer).
                var stored = _slots.Values
                    .Select(row => AcceptedSaves.Latest(row, command.ClientId))
                    .FirstOrDefault(save => save?.ClientSeq == command.ClientSeq);
                if (stored is not null)
                {
                    return new AnswerSaved(stored.SavedAt);
                }
                RequireWritable();
                var question = paper.FirstOrDefault(q => q.Id == questionId)
                    ?? throw CollabException.Invalid($"question {questionId} is not on this paper");
                var answer = AnswerParser.Parse(question, answerJson);
                var slot = _slots.GetValueOrDefault(question.Id);
                if (slot is not null && AcceptedSaves.Latest(slot, command.ClientId) is { } newer && newer.ClientSeq > command.ClientSeq)
                {
                    // A late copy of a save this client has since overwritten: applying it would bring back an older answer.
                    return new AnswerSaved(newer.SavedAt);
                }
                var savedAt = Now;
                _pendingSave.Row = new ExamAnswerRow(ExamId, StudentId, question.Id, LiveJson.Serialize(answer), command.ClientId,
                    command.ClientSeq, savedAt, AcceptedSaves.Replacing(slot, command.ClientId));
                _pendingSave.Answer = answer;
                return new AnswerSaved(savedAt);
            });
        }
        finally
        {
            _pendingSave = null;
        }
        _answeredReport ??= this.RegisterGrainTimer(ReportAnsweredAsync, _exam.AnsweredReportInterval, Timeout.InfiniteTimeSpan);
        return saved;
    }

    public async Task<AttemptSubmitted> SubmitAsync(Caller caller)
    {
        RequireStudent(caller);
        await EnforceDeadlineAsync();
        if (State.SubmittedAt is not null)
        {
            return new AttemptSubmitted(State.SubmittedAt.Value, State.SubmitReason);
        }
        if (State.StartedAt is null)
        {
            // The exam's own refusal first: one never created is not_found, not merely unstarted.
            await PaperAsync();
            throw new CollabException(ErrorCodes.NotOpen, "you have not started this exam");
        }
        return await SubmitNowAsync(SubmitReasons.Student);
    }

    public async Task ReportFocusAsync(Caller caller, bool lost, DateTimeOffset? at)
    {
        RequireStudent(caller);
        if (!IsRunning || !lost)
        {
            return;
        }
        await RunAsync(() =>
        {
            State.FocusLosses++;
            State.LastSeenAt = Now;
        });
        ReportProgress();
    }

    public async Task<CandidateProgress> ApplyAsync(ProctorAction action)
    {
        if (State.Plan is null)
        {
            await PrepareAsync(await Exam.GetCandidatePlanAsync(StudentId));
        }
        await EnforceDeadlineAsync();
        switch (action.Kind)
        {
            case ProctorAction.Pause:
                RequireStatus(AttemptStatuses.Active, "paused");
                await RunAsync(() =>
                {
                    State.PausedAt = Now;
                    Emit(new AttemptPausedEvent(action.Cause));
                });
                _deadlineTimer?.Dispose();
                break;
            case ProctorAction.Resume:
                RequireStatus(AttemptStatuses.Paused, "resumed");
                await RunAsync(() =>
                {
                    State.PausedTotal += Now - State.PausedAt!.Value;
                    State.PausedAt = null;
                    Emit(new AttemptResumedEvent(Deadline!.Value, Now));
                });
                await RescheduleDeadlineAsync();
                break;
            case ProctorAction.Extend:
                if (State.SubmittedAt is not null)
                {
                    throw CollabException.Conflict($"{StudentId} has already submitted");
                }
                await RunAsync(() =>
                {
                    State.ExtraMinutes += action.Minutes;
                    Emit(new DeadlineChangedEvent(Deadline, State.ExtraMinutes, Now));
                });
                if (IsRunning)
                {
                    await RescheduleDeadlineAsync();
                }
                break;
            case ProctorAction.Submit:
                if (State.StartedAt is null)
                {
                    throw CollabException.Conflict($"{StudentId} has not started; there is nothing to submit");
                }
                if (State.SubmittedAt is null)
                {
                    await SubmitNowAsync(SubmitReasons.Proctor);
                }
                break;
        }
        ReportProgress();
        return Progress();
    }

    public Task<CandidateProgress> GetProgressAsync() => Task.FromResult(Progress());

    public async Task<StudentResult> GetResultAsync()
    {
        var paper = await PaperAsync();
        var submitted = State.SubmittedAt is not null;
        return new StudentResult(
            StudentId,
            State.Name.Length > 0 ? State.Name : StudentId,
            Status,
            submitted ? State.Scores.Values.Sum() : 0,
            Grader.MaxScore(paper),
            submitted ? State.AwaitingMarking.Count : 0,
            submitted ? new Dictionary<string, decimal>(State.Scores) : new Dictionary<string, decimal>());
    }

    public Task<string> GetShortAnswerAsync(string questionId) =>
        Task.FromResult(_answers.GetValueOrDefault(questionId)?.Answer.Text ?? "");

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }
        if (State.StartedAt is null || (State.SubmittedAt is not null && (State.MarkingQueued || State.AwaitingMarking.Count == 0)))
        {
            await UnregisterDeadlineReminderAsync();
            return;
        }
        if (State.SubmittedAt is not null)
        {
            await QueueMarkingAsync();
            return;
        }
        await EnforceDeadlineAsync();
    }

    /// <summary>
    /// A save writes its one row through the group commit, and only then shows in the answers; any other command writes
    /// the grain state. A failed row write fails the save as <c>unavailable</c> and discards the activation (LiveGrain).
    /// </summary>
    protected override async Task PersistAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson)
    {
        if (_pendingSave is null)
        {
            await base.PersistAsync(events, command, resultJson);
            return;
        }
        if (_pendingSave.Row is not { } row)
        {
            return;
        }
        await answerStore.SaveAsync(row);
        Remember(row, _pendingSave.Answer!);
    }

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        RequireStudent(caller);
        return Task.CompletedTask;
    }

    protected override object BuildSnapshot(Caller caller) => new
    {
        status = Status,
        startedAt = State.StartedAt,
        deadline = Deadline,
        submittedAt = State.SubmittedAt,
        submitReason = State.SubmittedAt is null ? null : State.SubmitReason,
        serverNow = Now,
    };

    private void Prepare(CandidatePlan plan, IReadOnlyList<PaperQuestion> paper)
    {
        State.Plan = plan;
        State.Order = PaperShuffler.Draw(plan.ExamId, StudentId, paper, plan.ShuffleQuestions, plan.ShuffleOptions);
        State.AttemptRef = $"r-{Guid.NewGuid():N}";
    }

    /// <summary>Submits a running attempt whose deadline has passed, before the command that noticed goes on.</summary>
    private async Task EnforceDeadlineAsync()
    {
        if (IsRunning && State.PausedAt is null && Now >= Deadline)
        {
            await SubmitNowAsync(SubmitReasons.Deadline);
        }
    }

    private async Task<AttemptSubmitted> SubmitNowAsync(string reason)
    {
        var paper = await PaperAsync();
        var submitted = await RunAsync<AttemptSubmitted>(() =>
        {
            var submittedAt = Now;
            State.SubmittedAt = submittedAt;
            State.SubmitReason = reason;
            State.PausedAt = null;
            Grade(paper);
            Emit(new AttemptSubmittedEvent(reason, submittedAt));
            return new AttemptSubmitted(submittedAt, reason);
        });
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        ReportProgress();
        // The submission is durable: answer now, and hand the short answers to marking in a turn of their own.
        _markingTimer ??= this.RegisterGrainTimer(async _ =>
        {
            _markingTimer?.Dispose();
            _markingTimer = null;
            await QueueMarkingAsync();
        }, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        return submitted;
    }

    private void Grade(IReadOnlyList<PaperQuestion> paper)
    {
        State.Scores.Clear();
        State.AwaitingMarking.Clear();
        foreach (var question in paper)
        {
            var answer = _answers.GetValueOrDefault(question.Id)?.Answer;
            if (QuestionKinds.IsObjective(question.Kind))
            {
                State.Scores[question.Id] = Grader.Grade(question, answer) ?? 0;
            }
            else if (string.IsNullOrWhiteSpace(answer?.Text))
            {
                State.Scores[question.Id] = 0;
            }
            else
            {
                State.AwaitingMarking.Add(question.Id);
            }
        }
    }

    /// <summary>
    /// Hands the short answers to their marking queues after the submission is durable. A failure leaves the
    /// deadline reminder registered, and its next tick tries again.
    /// </summary>
    private async Task QueueMarkingAsync()
    {
        try
        {
            foreach (var questionId in State.AwaitingMarking)
            {
                await GrainFactory.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(ExamId, questionId))
                    .EnqueueAsync(State.AttemptRef, StudentId, State.Plan!.Marking);
            }
            await RunAsync(() => State.MarkingQueued = true);
            await UnregisterDeadlineReminderAsync();
        }
        catch (Exception exception) when (exception is not CollabException)
        {
            _logger.LogWarning(exception, "Queueing attempt {Attempt} for marking failed; the reminder retries", Id);
        }
    }

    private async Task RescheduleDeadlineAsync()
    {
        await this.RegisterOrUpdateReminder(DeadlineReminder, Until(Deadline!.Value), _exam.DeadlineReminderPeriod);
        ArmDeadlineTimer();
    }

    private void ArmDeadlineTimer()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = this.RegisterGrainTimer(_ => EnforceDeadlineAsync(), Until(Deadline!.Value), Timeout.InfiniteTimeSpan);
    }

    private async Task UnregisterDeadlineReminderAsync()
    {
        var reminder = await this.GetReminder(DeadlineReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task ReportAnsweredAsync(CancellationToken cancellationToken)
    {
        _answeredReport?.Dispose();
        _answeredReport = null;
        ReportProgress();
        return Task.CompletedTask;
    }

    private void ReportProgress() => Exam.ReportProgressAsync(Progress()).Ignore();

    private CandidateProgress Progress() => new(
        StudentId,
        State.Name.Length > 0 ? State.Name : StudentId,
        Status,
        _answers.Count,
        State.LastSeenAt,
        State.FocusLosses,
        Deadline,
        State.SubmittedAt);

    private AttemptView View(IReadOnlyList<PaperQuestion> paper)
    {
        var kinds = paper.ToDictionary(q => q.Id, q => q.Kind);
        var answers = _answers.ToDictionary(
            a => a.Key,
            a => LiveJson.Serialize(ExamWire.Answer(kinds[a.Key], a.Value.Answer)));
        return new AttemptView(Status, PaperShuffler.StudentPaper(paper, State.Order!), answers, Deadline, Now, State.StartedAt, State.SubmittedAt, State.Log.Seq);
    }

    private void Remember(ExamAnswerRow row, StudentAnswer answer)
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
        if (State.LastSeenAt is null || State.LastSeenAt < row.SavedAt)
        {
            State.LastSeenAt = row.SavedAt;
        }
    }

    /// <summary>
    /// Attempts begun before answers moved to <c>exam_answer_slots</c> kept them in the grain state: they move to the table
    /// once (a row already there is newer and wins), and leave the state, so the answers live in one place only.
    /// </summary>
    private async Task MoveStateAnswersAsync()
    {
        if (State.Answers.Count == 0)
        {
            return;
        }
        var moving = State.Answers.Where(a => !_slots.ContainsKey(a.Key)).ToList();
        foreach (var (questionId, saved) in moving)
        {
            // A resend of one of these saves is still answered from the command results the state kept for it.
            var row = new ExamAnswerRow(ExamId, StudentId, questionId, LiveJson.Serialize(saved.Answer), "", 0, saved.SavedAt, AcceptedSaves.None);
            await answerStore.SaveAsync(row);
            Remember(row, saved.Answer);
        }
        State.Answers.Clear();
        await WriteStateAsync();
    }

    private async Task<IReadOnlyList<PaperQuestion>> PaperAsync() => _paper ??= await Exam.GetPaperAsync();

    private TimeSpan Until(DateTimeOffset moment)
    {
        var wait = moment - Now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static bool IsCleared(StudentAnswer answer) =>
        answer.Choice is null && answer.Choices is null && answer.Truth is null && answer.Blanks is null && answer.Text is null;

    private void RequireStudent(Caller caller)
    {
        if (caller.UserId != StudentId)
        {
            throw CollabException.Forbidden("an attempt belongs to its student alone");
        }
    }

    private void RequireWritable()
    {
        if (State.StartedAt is null)
        {
            throw new CollabException(ErrorCodes.NotOpen, "start the exam before answering");
        }
        if (State.SubmittedAt is not null)
        {
            throw State.SubmitReason == SubmitReasons.Deadline
                ? new CollabException(ErrorCodes.DeadlinePassed, "the time for this exam is over; your answers were submitted")
                : new CollabException(ErrorCodes.Closed, "this attempt is submitted; answers can no longer change");
        }
        if (State.PausedAt is not null)
        {
            throw CollabException.Conflict("the proctor has paused your exam; the clock is stopped until it resumes");
        }
    }

    private void RequireStatus(string status, string what)
    {
        if (Status != status)
        {
            throw CollabException.Conflict($"{StudentId} is {Status} and cannot be {what}");
        }
    }
}
