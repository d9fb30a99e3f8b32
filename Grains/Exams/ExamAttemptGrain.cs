using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// One student's attempt (PROTOCOL §5), as wiring around <see cref="AttemptDocument"/>, which holds its rules: this
/// grain checks the caller is the student, runs the document's change as one command, writes it and sends its events.
/// Every answer is durable before <c>SaveAnswer</c> returns. The deadline is enforced on every command, by a grain
/// timer while the attempt is active, and by a durable reminder that fires even when no silo holds the attempt at
/// that moment; whichever comes first submits it. A pause, a resume, an extension and an accommodation are written to
/// the attempt's state before they are acknowledged, and the reminder is moved to the new deadline before the answer.
/// </summary>
/// <remarks>
/// Answers live in <c>exam_answer_slots</c>, one row per question, written by the silo's group commit
/// (<see cref="ExamAnswerStore"/>), not in the grain state, and read back at activation (<see cref="AttemptAnswerLoader"/>).
/// </remarks>
public sealed class ExamAttemptGrain(
    [PersistentState("examattempt", StorageNames.Default)] IPersistentState<AttemptState> store,
    ExamAnswerStore answerStore,
    IOptions<ExamOptions> examOptions,
    IOptions<LiveStreamOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<ExamAttemptGrain> logger)
    : LiveGrain<AttemptState>(store, options, time, logger), IExamAttemptGrain, IRemindable
{
    private IReadOnlyList<PaperQuestion>? _paper;
    private OneShotTimer? _answeredReport;
    private OneShotTimer? _marking;
    private AttemptDocument? _attempt;
    private DeadlineAlarm? _alarm;

    /// <summary>The row the running <see cref="SaveAnswerAsync"/> writes instead of the grain state; null for any other command.</summary>
    private PendingSave? _pendingSave;

    protected override string Area => "exam-attempts";

    private string ExamId => AttemptKeys.Split(Id).ExamId;

    private string StudentId => AttemptKeys.Split(Id).OtherId;

    private IExamGrain Exam => GrainFactory.GetGrain<IExamGrain>(ExamId);

    private DeadlineAlarm Alarm => _alarm ??= new DeadlineAlarm(this, examOptions.Value.DeadlineReminderPeriod);

    /// <summary>The document keeps the answers read at activation, so there is one for the activation's life.</summary>
    private AttemptDocument Attempt => _attempt ??= new AttemptDocument(State, ExamId, StudentId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Answers need a started attempt, so the thousands prepared before an exam opens read nothing here.
        if (Attempt.IsStarted && await new AttemptAnswerLoader(answerStore).LoadAsync(Attempt, State, ExamId, StudentId))
        {
            await WriteStateAsync();
        }
        if (Attempt.IsRunning && !Attempt.IsPaused)
        {
            ArmDeadlineTimer();
        }
    }

    public async Task PrepareAsync(CandidatePlan plan)
    {
        if (State.Plan is null)
        {
            var paper = await PaperAsync();
            await RunAsync(() => Attempt.Prepare(plan, paper, NewAttemptRef()));
        }
    }

    public async Task<AttemptView> StartAsync(Caller caller)
    {
        RequireStudent(caller);
        var plan = State.Plan ?? await Exam.GetCandidatePlanAsync(StudentId);
        var paper = await PaperAsync();
        await EnforceDeadlineAsync();
        if (!Attempt.IsStarted)
        {
            var startedAt = Now;
            var deadline = Attempt.Admit(plan, startedAt);
            // The durable backstop is armed before the start is written: a start is never acknowledged without it, and
            // a reminder left by a start that failed to write finds no started attempt and removes itself.
            await Alarm.ScheduleReminderAsync(deadline - Now);
            await RunAsync(() => Emit(Attempt.Start(plan, paper, NewAttemptRef(), plan.StudentName ?? caller.Name, startedAt, deadline)));
            ArmDeadlineTimer();
        }
        else
        {
            Attempt.Seen(Now);
        }
        ReportProgress();
        return Attempt.View(paper, Now, State.Log.Seq);
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
            // The answer slots, not the bounded command log, tell a resend: they keep each client's latest save of
            // every question durably, so a save resent after many newer ones is answered, never refused as too old.
            ValidateCommandId(command);
            saved = await RunAsync(() =>
            {
                _pendingSave.Decision = Attempt.Save(paper, command, questionId, answerJson, Now);
                return _pendingSave.Decision.Result;
            });
        }
        finally
        {
            _pendingSave = null;
        }
        (_answeredReport ??= new OneShotTimer(this, ReportProgress)).Request(examOptions.Value.AnsweredReportInterval);
        return saved;
    }

    public async Task<AttemptSubmitted> SubmitAsync(Caller caller)
    {
        RequireStudent(caller);
        await EnforceDeadlineAsync();
        // The exam's own refusal first: one never created is not_found, not merely unstarted.
        await PaperAsync();
        return Attempt.StudentSubmitPending() ? await SubmitNowAsync(SubmitReasons.Student) : Attempt.Submitted!;
    }

    public async Task ReportFocusAsync(Caller caller, bool lost, DateTimeOffset? at)
    {
        RequireStudent(caller);
        if (Attempt.IsRunning && lost)
        {
            await RunAsync(() => Attempt.LoseFocus(Now));
            ReportProgress();
        }
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
                await RunAsync(() => Emit(Attempt.Pause(action.Cause, Now)));
                Alarm.Disarm();
                break;
            case ProctorAction.Resume:
                await RunAsync(() => Emit(Attempt.Resume(Now)));
                break;
            case ProctorAction.Extend:
                await RunAsync(() => Emit(Attempt.Extend(action.Minutes, Now)));
                break;
            case ProctorAction.Accommodate:
                await RunAsync(() => Emit(Attempt.Accommodate(action.Minutes, Now)));
                break;
            case ProctorAction.Submit when Attempt.ProctorSubmitPending():
                await SubmitNowAsync(SubmitReasons.Proctor, action.Cause);
                break;
        }
        // The durable reminder moves with the deadline, so a silo that dies after a resume still submits on time.
        if (action.Kind is ProctorAction.Resume or ProctorAction.Extend or ProctorAction.Accommodate && Attempt.IsRunning && !Attempt.IsPaused)
        {
            await RescheduleDeadlineAsync();
        }
        ReportProgress();
        return Attempt.Progress(Now);
    }

    public Task<IReadOnlyList<DateTimeOffset>> GetFocusLossesAsync() => Task.FromResult<IReadOnlyList<DateTimeOffset>>(Attempt.FocusLosses.ToList());

    public Task<CandidateProgress> GetProgressAsync() => Task.FromResult(Attempt.Progress(Now));

    public async Task<StudentResult> GetResultAsync() => Attempt.Result(await PaperAsync());

    public Task<string> GetShortAnswerAsync(string questionId) => Task.FromResult(Attempt.ShortAnswer(questionId));

    public async Task<AttemptResponses> GetResponsesAsync() => Attempt.Responses(await PaperAsync());

    /// <summary>An attempt still running grades with the new paper when it is submitted; a submitted one is regraded and stored now.</summary>
    public async Task RegradeAsync(int keyRevision, IReadOnlyList<PaperQuestion> paper)
    {
        _paper = paper;
        if (keyRevision > State.KeyRevision && Attempt.Submitted is not null)
        {
            await RunAsync(() =>
            {
                Attempt.Regrade(paper);
                State.KeyRevision = keyRevision;
            });
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineAlarm.ReminderName)
        {
            return;
        }
        if (Attempt.ReminderDone)
        {
            await Alarm.CancelReminderAsync();
        }
        else if (Attempt.Submitted is not null)
        {
            await QueueMarkingAsync();
        }
        else
        {
            await EnforceDeadlineAsync();
        }
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
        if (_pendingSave.Decision is { Row: { } row, Answer: { } answer })
        {
            await answerStore.SaveAsync(row);
            Attempt.Remember(row, answer);
        }
    }

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        RequireStudent(caller);
        return Task.CompletedTask;
    }

    protected override object BuildSnapshot(Caller caller) => Attempt.Snapshot(Now);

    /// <summary>An opaque reference markers see instead of the student.</summary>
    private static string NewAttemptRef() => $"r-{Guid.NewGuid():N}";

    /// <summary>Submits a running attempt whose deadline has passed, before the command that noticed goes on.</summary>
    private async Task EnforceDeadlineAsync()
    {
        if (Attempt.DeadlinePassed(Now))
        {
            await SubmitNowAsync(SubmitReasons.Deadline);
        }
    }

    private async Task<AttemptSubmitted> SubmitNowAsync(string reason, string cause = "")
    {
        var paper = await PaperAsync();
        var submitted = await RunAsync(() =>
        {
            var submittedEvent = Attempt.Submit(reason, paper, Now, cause);
            Emit(submittedEvent);
            return new AttemptSubmitted(submittedEvent.SubmittedAt, reason, submittedEvent.Cause);
        });
        Alarm.Disarm();
        ReportProgress();
        // The submission is durable: answer now, and hand the short answers to marking in a turn of their own.
        (_marking ??= new OneShotTimer(this, QueueMarkingAsync)).Request(TimeSpan.Zero);
        return submitted;
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
            await Alarm.CancelReminderAsync();
        }
        catch (Exception exception) when (exception is not CollabException)
        {
            logger.LogWarning(exception, "Queueing attempt {Attempt} for marking failed; the reminder retries", Id);
        }
    }

    private async Task RescheduleDeadlineAsync()
    {
        await Alarm.ScheduleReminderAsync(Attempt.TimeLeft(Now));
        ArmDeadlineTimer();
    }

    private void ArmDeadlineTimer() => Alarm.Arm(Attempt.TimeLeft(Now), DeadlineTickAsync);

    /// <summary>The timer keeps Orleans' grain clock, the deadline the injected one: a tick that came early arms it again.</summary>
    private async Task DeadlineTickAsync()
    {
        await EnforceDeadlineAsync();
        if (Attempt.IsRunning && !Attempt.IsPaused)
        {
            ArmDeadlineTimer();
        }
    }

    private void ReportProgress() => Exam.ReportProgressAsync(Attempt.Progress(Now)).Ignore();

    private async Task<IReadOnlyList<PaperQuestion>> PaperAsync() => _paper ??= await Exam.GetPaperAsync();

    private void RequireStudent(Caller caller) => Attempt.RequireStudent(caller.UserId);
}
