using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// An exam session (PROTOCOL §5). It holds the paper, schedule, roster, announcements and irregularity log durably;
/// the proctor's roster view is kept in memory from the attempts' summarised reports (the attempts are the durable
/// truth, and are asked again after a reactivation) and pushed to proctors at most every
/// <see cref="ExamOptions.ProgressInterval"/>.
/// </summary>
public sealed class ExamGrain(
    [PersistentState("exam", StorageNames.Default)] IPersistentState<ExamState> store,
    IOptions<ExamOptions> examOptions,
    IOptions<LiveStreamOptions> options,
    TimeProvider time,
    ILogger<ExamGrain> logger)
    : LiveGrain<ExamState>(store, options, time, logger), IExamGrain
{
    public const string ProctorsGroup = "proctors";

    private readonly ExamOptions _exam = examOptions.Value;
    private readonly ILogger _logger = logger;
    private readonly Dictionary<string, CandidateProgress> _progress = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private HashSet<string>? _roster;
    private bool _progressGathered;
    private IGrainTimer? _progressTimer;
    private IGrainTimer? _prepareTimer;
    private int _prepared;

    protected override string Area => "exams";

    private ExamSpec Spec => State.Spec ?? throw CollabException.NotFound($"exam {Id}");

    private HashSet<string> Roster => _roster ??= new HashSet<string>(Spec.Roster, StringComparer.Ordinal);

    private string Status =>
        State.ResultsPublishedAt is not null ? ExamStatuses.ResultsPublished
        : State.PublishedAt is null ? ExamStatuses.Draft
        : Now < Spec.OpensAt ? ExamStatuses.Published
        : IsOver ? ExamStatuses.Closed
        : ExamStatuses.Open;

    /// <summary>Every candidate has submitted, or nobody may start any more and nobody known is still writing.</summary>
    private bool IsOver =>
        (_progress.Count == Roster.Count && _progress.Values.All(p => p.Status == AttemptStatuses.Submitted))
        || (Now >= Spec.OpensAt + Minutes(Spec.LateJoinMinutes + Spec.DurationMinutes)
            && _progress.Values.All(p => p.Status is AttemptStatuses.Absent or AttemptStatuses.Submitted));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.PublishedAt is not null && Now < Spec.OpensAt)
        {
            StartPreparing();
        }
    }

    public async Task<ExamView> CreateAsync(Caller caller, string specJson)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers create exams");
        }
        if (State.Spec is not null)
        {
            throw CollabException.Conflict($"exam {Id} already exists");
        }
        var spec = ExamSpecParser.Parse(specJson);
        var view = await RunAsync<ExamView>(() =>
        {
            State.Spec = spec;
            State.CreatedBy = caller.UserId;
            State.CreatedAt = Now;
            return View();
        });
        await GrainFactory.GetGrain<IAuthorExamsGrain>(caller.UserId).AddAsync(Id);
        return view;
    }

    public Task<ExamView> UpdateAsync(Caller caller, string specJson)
    {
        RequireAuthor(caller);
        if (State.PublishedAt is not null)
        {
            throw CollabException.Conflict($"exam {Id} is published; its paper and schedule can no longer change");
        }
        var spec = ExamSpecParser.Parse(specJson);
        return RunAsync<ExamView>(() =>
        {
            State.Spec = spec;
            _roster = null;
            return View();
        });
    }

    public async Task<ExamView> PublishAsync(Caller caller)
    {
        RequireAuthor(caller);
        if (State.PublishedAt is not null)
        {
            return View();
        }
        if (Now >= Spec.OpensAt + Minutes(Spec.LateJoinMinutes))
        {
            throw CollabException.Invalid("opensAt (plus the late-join minutes) has passed; move the exam to a later time before publishing");
        }
        var view = await RunAsync<ExamView>(() =>
        {
            State.PublishedAt = Now;
            Emit(new ExamPublishedEvent(Spec.OpensAt, Spec.DurationMinutes));
            return View();
        });
        StartPreparing();
        return view;
    }

    public Task<ExamView> GetAsync(Caller caller)
    {
        RequireProctor(caller);
        return Task.FromResult(View());
    }

    public async Task<ExamSummary> GetSummaryAsync(Caller caller)
    {
        RequireProctor(caller);
        // "Closed" depends on the attempts' lines, which a fresh activation has not heard yet.
        await GatherProgressAsync();
        return new ExamSummary(Id, Spec.Title, Spec.Subject, Status, Spec.OpensAt, Spec.DurationMinutes,
            Spec.Questions.Count, Spec.Roster.Count, State.CreatedAt);
    }

    public Task<CandidatePlan> GetCandidatePlanAsync(string studentId)
    {
        RequirePublished();
        if (!Roster.Contains(studentId))
        {
            throw CollabException.Forbidden($"you are not on the roster of exam {Id}");
        }
        return Task.FromResult(Plan());
    }

    public Task<IReadOnlyList<PaperQuestion>> GetPaperAsync()
    {
        RequirePublished();
        return Task.FromResult(Spec.Questions);
    }

    public Task ReportProgressAsync(CandidateProgress progress)
    {
        if (State.Spec is not null && Roster.Contains(progress.StudentId))
        {
            _progress[progress.StudentId] = progress;
            _changed.Add(progress.StudentId);
            _progressTimer ??= this.RegisterGrainTimer(FlushProgressAsync, _exam.ProgressInterval, _exam.ProgressInterval);
        }
        return Task.CompletedTask;
    }

    public Task<AnnouncementMade> AnnounceAsync(Caller caller, string text)
    {
        RequireProctor(caller);
        RequirePublished();
        var body = TextFields.Required(text, "text", ProctoringLimits.AnnouncementLength);
        return RunAsync<AnnouncementMade>(() =>
        {
            if (State.Announcements.Count >= ProctoringLimits.Announcements)
            {
                throw CollabException.Conflict($"exam {Id} has {ProctoringLimits.Announcements} announcements already");
            }
            var announcement = new AnnouncementMade(body, Now);
            State.Announcements.Add(announcement);
            Emit(new AnnouncementEvent(announcement.Text, announcement.At));
            return announcement;
        });
    }

    public async Task<CandidateProgress> ActOnCandidateAsync(Caller caller, ProctorAction action)
    {
        RequireProctor(caller);
        RequirePublished();
        if (!ProctorAction.IsKnown(action.Kind))
        {
            throw CollabException.Invalid("a proctor's action is pause, resume, extend or submit");
        }
        if (!Roster.Contains(action.StudentId ?? ""))
        {
            throw CollabException.NotFound($"student {action.StudentId} on the roster of exam {Id}");
        }
        if (action.Kind == ProctorAction.Extend && action.Minutes is < 1 or > ProctoringLimits.ExtensionMinutesMax)
        {
            throw CollabException.Invalid($"extra time is 1 to {ProctoringLimits.ExtensionMinutesMax} minutes");
        }
        var cause = TextFields.Optional(action.Cause, "cause", ProctoringLimits.CauseLength);
        if (State.Irregularities.Count >= ProctoringLimits.Irregularities)
        {
            throw CollabException.Conflict($"exam {Id} has {ProctoringLimits.Irregularities} recorded irregularities already");
        }
        var progress = await Attempt(action.StudentId!).ApplyAsync(action with { Cause = cause });
        await RunAsync(() =>
        {
            var entry = new Irregularity(Now, action.StudentId!, action.Kind, action.Kind == ProctorAction.Extend ? action.Minutes : 0, cause, caller.UserId);
            State.Irregularities.Add(entry);
            Emit(IrregularityRecordedEvent.Of(entry), audienceGroup: ProctorsGroup);
        });
        await ReportProgressAsync(progress);
        return progress;
    }

    public Task<IReadOnlyList<Irregularity>> GetIrregularitiesAsync(Caller caller)
    {
        RequireProctor(caller);
        return Task.FromResult<IReadOnlyList<Irregularity>>(State.Irregularities.ToList());
    }

    public async Task<ExamView> PublishResultsAsync(Caller caller)
    {
        RequireProctor(caller);
        RequirePublished();
        if (State.ResultsPublishedAt is not null)
        {
            return View();
        }
        await GatherProgressAsync();
        if (Status != ExamStatuses.Closed)
        {
            throw CollabException.Conflict($"exam {Id} is still running; results are published once every candidate has finished");
        }
        return await RunAsync<ExamView>(() =>
        {
            State.ResultsPublishedAt = Now;
            Emit(new ResultsPublishedEvent(State.ResultsPublishedAt!.Value));
            return View();
        });
    }

    public async Task<StudentResult> GetMyResultAsync(Caller caller)
    {
        _ = Spec;
        if (!Roster.Contains(caller.UserId))
        {
            throw CollabException.Forbidden($"you are not on the roster of exam {Id}");
        }
        if (State.ResultsPublishedAt is null)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"the results of exam {Id} are not published yet");
        }
        return WithMarks(await Attempt(caller.UserId).GetResultAsync(), await FinalMarksAsync());
    }

    public async Task<ExamResults> GetResultsAsync(Caller caller)
    {
        RequireProctor(caller);
        RequirePublished();
        var results = await FanOutAsync(Spec.Roster, studentId => Attempt(studentId).GetResultAsync());
        var marked = await FinalMarksAsync();
        var students = results.Select(result => WithMarks(result, marked)).ToList();
        return new ExamResults(students, ResultStatistics.Compute(students, Spec.Questions));
    }

    public Task<PaperQuestion> AuthorizeMarkingAsync(Caller caller, string questionId)
    {
        _ = Spec;
        if (!IsProctor(caller) && !(Spec.Markers ?? []).Contains(caller.UserId))
        {
            throw CollabException.Forbidden($"only the author of exam {Id}, its markers or an admin mark it");
        }
        RequirePublished();
        var question = Spec.Questions.FirstOrDefault(q => q.Id == questionId)
            ?? throw CollabException.NotFound($"question {questionId} of exam {Id}");
        if (QuestionKinds.IsObjective(question.Kind))
        {
            throw CollabException.Invalid($"question {questionId} is graded automatically; only short answers are marked");
        }
        return Task.FromResult(question);
    }

    protected override async Task AuthorizeJoinAsync(Caller caller)
    {
        _ = Spec;
        if (IsProctor(caller))
        {
            await GatherProgressAsync();
            return;
        }
        if (State.PublishedAt is null || !Roster.Contains(caller.UserId))
        {
            throw CollabException.Forbidden($"you are not on the roster of exam {Id}");
        }
    }

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) => IsProctor(caller) ? [ProctorsGroup] : [];

    /// <summary>A whole city's candidates must not each hear of every other one arriving; proctors see who is here.</summary>
    protected override string? PresenceAudienceGroup => ProctorsGroup;

    protected override object BuildSnapshot(Caller caller)
    {
        var exam = new
        {
            id = Id,
            title = Spec.Title,
            subject = Spec.Subject,
            status = Status,
            opensAt = Spec.OpensAt,
            durationMinutes = Spec.DurationMinutes,
            lateJoinMinutes = Spec.LateJoinMinutes,
            serverNow = Now,
        };
        if (!IsProctor(caller))
        {
            return new { exam, announcements = State.Announcements };
        }
        var students = Spec.Roster.Select(ProgressOf).ToList();
        return new { exam, announcements = State.Announcements, students, counts = Counts(students) };
    }

    private static StatusCounts Counts(IEnumerable<CandidateProgress> students)
    {
        var byStatus = students.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count());
        return new StatusCounts(
            byStatus.GetValueOrDefault(AttemptStatuses.Absent),
            byStatus.GetValueOrDefault(AttemptStatuses.Active),
            byStatus.GetValueOrDefault(AttemptStatuses.Paused),
            byStatus.GetValueOrDefault(AttemptStatuses.Submitted));
    }

    private CandidateProgress ProgressOf(string studentId) =>
        _progress.GetValueOrDefault(studentId) ?? new CandidateProgress(studentId, studentId, AttemptStatuses.Absent, 0, null, 0, null, null);

    private Task FlushProgressAsync(CancellationToken cancellationToken)
    {
        if (_changed.Count == 0)
        {
            _progressTimer?.Dispose();
            _progressTimer = null;
            return Task.CompletedTask;
        }
        var rows = _changed.Select(ProgressOf).ToList();
        _changed.Clear();
        EmitEphemeral(new ProgressUpdatedEvent(rows, Counts(Spec.Roster.Select(ProgressOf))), audienceGroup: ProctorsGroup);
        return Task.CompletedTask;
    }

    /// <summary>After a reactivation the roster view is empty; the attempts hold the truth, so ask them once.</summary>
    private async Task GatherProgressAsync()
    {
        if (_progressGathered || State.PublishedAt is null || Now < Spec.OpensAt)
        {
            return;
        }
        var gathered = await FanOutAsync(Spec.Roster, studentId => Attempt(studentId).GetProgressAsync());
        foreach (var progress in gathered)
        {
            _progress.TryAdd(progress.StudentId, progress);
        }
        _progressGathered = true;
    }

    /// <summary>
    /// Draws every rostered attempt's order and writes it before the exam opens, a batch per timer turn, so that the
    /// opening second costs each student a read, not a write. Not durable progress: an attempt that was not prepared
    /// prepares itself when its student starts.
    /// </summary>
    private void StartPreparing()
    {
        if (_prepareTimer is not null || _prepared >= Spec.Roster.Count)
        {
            return;
        }
        _prepareTimer = this.RegisterGrainTimer(PrepareBatchAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = TimeSpan.FromMilliseconds(10),
            Interleave = true,
        });
    }

    private async Task PrepareBatchAsync(CancellationToken cancellationToken)
    {
        var batch = Spec.Roster.Skip(_prepared).Take(_exam.PrepareBatch).ToList();
        _prepared += batch.Count;
        if (_prepared >= Spec.Roster.Count)
        {
            _prepareTimer?.Dispose();
        }
        var plan = Plan();
        try
        {
            await Task.WhenAll(batch.Select(studentId => Attempt(studentId).PrepareAsync(plan)));
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Preparing attempts of exam {Exam} failed; those students prepare when they start", Id);
        }
    }

    /// <summary>Settled marks of every short-answer question, by question id and then student id.</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, decimal>>> FinalMarksAsync()
    {
        var marked = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
        foreach (var question in Spec.Questions.Where(q => !QuestionKinds.IsObjective(q.Kind)))
        {
            marked[question.Id] = await GrainFactory.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(Id, question.Id)).GetFinalMarksAsync();
        }
        return marked;
    }

    private StudentResult WithMarks(StudentResult result, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> marked)
    {
        var perQuestion = new Dictionary<string, decimal>(result.PerQuestion);
        var pending = result.PendingMarking;
        foreach (var (questionId, finals) in marked)
        {
            if (finals.TryGetValue(result.StudentId, out var points))
            {
                perQuestion[questionId] = points;
                pending--;
            }
        }
        return result with
        {
            Score = perQuestion.Values.Sum(),
            PendingMarking = Math.Max(0, pending),
            PerQuestion = perQuestion,
        };
    }

    private async Task<List<T>> FanOutAsync<T>(IReadOnlyList<string> studentIds, Func<string, Task<T>> call)
    {
        var results = new T[studentIds.Count];
        using var gate = new SemaphoreSlim(_exam.FanOut);
        await Task.WhenAll(studentIds.Select(async (studentId, index) =>
        {
            await gate.WaitAsync();
            try
            {
                results[index] = await call(studentId);
            }
            finally
            {
                gate.Release();
            }
        }));
        return results.ToList();
    }

    private CandidatePlan Plan() =>
        new(Id, State.CreatedBy, Spec.OpensAt, Spec.DurationMinutes, Spec.LateJoinMinutes, Spec.ShuffleQuestions, Spec.ShuffleOptions, Spec.Marking);

    private ExamView View() => new(Id, Status, State.CreatedBy, Spec, State.PublishedAt, Grader.MaxScore(Spec.Questions), Now);

    private IExamAttemptGrain Attempt(string studentId) => GrainFactory.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(Id, studentId));

    private TimeSpan Minutes(int minutes) => _exam.Minute * minutes;

    private bool IsProctor(Caller caller) => caller.UserId == State.CreatedBy || caller.IsAdmin;

    private void RequireProctor(Caller caller)
    {
        _ = Spec;
        if (!IsProctor(caller))
        {
            throw CollabException.Forbidden($"only the author of exam {Id} or an admin may do this");
        }
    }

    private void RequireAuthor(Caller caller)
    {
        _ = Spec;
        if (caller.UserId != State.CreatedBy && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the author of exam {Id} may change it");
        }
    }

    /// <summary>An exam never created is <c>not_found</c>; only a draft is <c>not_open</c>.</summary>
    private void RequirePublished()
    {
        _ = Spec;
        if (State.PublishedAt is null)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"exam {Id} is not published");
        }
    }
}
