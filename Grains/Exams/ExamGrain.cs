using Collab.Grains.Directory;
using Collab.Grains.Exams.Analysis;
using Collab.Grains.Exams.Regrading;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Interfaces.Exams.Events;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// An exam session (PROTOCOL §5), as wiring around <see cref="ExamDocument"/>, which holds its rules: this grain runs
/// the document's changes as commands, sends their events, and talks to the attempts and the marking queues. The
/// paper, schedule, roster, announcements and irregularity log are durable; the proctor's roster view
/// (<see cref="ProctorBoard"/>) is kept in memory from the attempts' summarised reports (the attempts are the durable
/// truth, and are asked again after a reactivation) and pushed to proctors at most every
/// <see cref="ExamOptions.ProgressInterval"/>.
/// </summary>
/// <remarks>
/// What survives a silo crash: the rooms (with the students each seats, resolved at publishing), the announcements,
/// the irregularity log and the accommodations are in this grain's state, written before a command is acknowledged.
/// An attempt holds its own pause, paused time, extensions and accommodation in its state, written before it answers,
/// with its deadline reminder moved first; a proctor's action is logged here only after the attempt applied it, so an
/// action is never logged that did not happen (one interrupted between the two is retried by the proctor, and a
/// retried accommodation sets the same minutes again).
/// </remarks>
public sealed class ExamGrain(
    [PersistentState("exam", StorageNames.Default)] IPersistentState<ExamState> store,
    IOptions<ExamOptions> examOptions,
    IOptions<LiveStreamOptions> options,
    IPeopleLookup people,
    ICandidateIndex candidates,
    TimeProvider time,
    ILogger<ExamGrain> logger)
    : LiveGrain<ExamState>(store, options, time, logger), IExamGrain
{
    public const string ProctorsGroup = ExamSeating.AllProctors;

    private readonly ExamOptions _exam = examOptions.Value;
    private readonly ILogger _logger = logger;
    private ProctorBoard? _proctorBoard;
    private ExamDocument? _document;
    private ExamRegrades? _regrades;
    private IGrainTimer? _progressTimer;
    private IGrainTimer? _prepareTimer;
    private int _prepared;

    protected override string Area => "exams";

    private ExamDocument Exam => _document ??= new ExamDocument(Id, State);

    private ExamRegrades Regrades => _regrades ??= new ExamRegrades(Id, State);

    private ProctorBoard Board => _proctorBoard ??= new ProctorBoard(Exam.NameOf);

    private ExamSpec Spec => Exam.Spec;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (Exam.BeforeOpening(Now))
        {
            StartPreparing();
        }
        if (Regrades.Pending)
        {
            // A key change was stored but its regrade did not reach every attempt before the last activation ended.
            this.RegisterGrainTimer(_ => RegradeAttemptsAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    public async Task<ExamView> CreateAsync(Caller caller, string specJson)
    {
        Exam.RequireCreatable(caller);
        var spec = ExamSpecParser.Parse(specJson);
        var view = await RunAsync<ExamView>(() =>
        {
            Exam.Create(spec, caller.UserId, Now);
            return View();
        });
        await GrainFactory.GetGrain<IAuthorExamsGrain>(caller.UserId).AddAsync(Id);
        return view;
    }

    public Task<ExamView> UpdateAsync(Caller caller, string specJson)
    {
        Exam.RequireEditable(caller);
        var spec = ExamSpecParser.Parse(specJson);
        return RunAsync<ExamView>(() =>
        {
            Exam.Update(spec);
            return View();
        });
    }

    public async Task<ExamView> PublishAsync(Caller caller)
    {
        Exam.RequireAuthor(caller);
        if (!Exam.PublishPending(Now))
        {
            return View();
        }
        var roster = await ExamRosters.ResolveAsync(Spec, people);
        await candidates.AddAsync(Id, Spec.OpensAt, roster.Roster);
        var view = await RunAsync<ExamView>(() =>
        {
            Emit(Exam.Publish(Now, roster));
            return View();
        });
        StartPreparing();
        return view;
    }

    public Task<ExamView> GetAsync(Caller caller)
    {
        Exam.RequireProctor(caller);
        return Task.FromResult(View());
    }

    public async Task<ExamSummary> GetSummaryAsync(Caller caller)
    {
        Exam.RequireProctor(caller);
        // "Closed" depends on the attempts' lines, which a fresh activation has not heard yet.
        await GatherProgressAsync();
        return Exam.Summary(Now, Board);
    }

    public Task<CandidatePlan> GetCandidatePlanAsync(string studentId)
    {
        Exam.RequirePublished();
        Exam.RequireOnRoster(studentId);
        return Task.FromResult(Exam.Plan(studentId));
    }

    public Task<CandidateExam?> GetCandidateExamAsync(string studentId) => Task.FromResult(Exam.CandidateExam(studentId, Now));

    public Task<IReadOnlyList<PaperQuestion>> GetPaperAsync()
    {
        Exam.RequirePublished();
        return Task.FromResult(Spec.Questions);
    }

    public Task ReportProgressAsync(CandidateProgress progress)
    {
        if (Exam.Exists && Exam.OnRoster(progress.StudentId))
        {
            Board.Report(progress);
            _progressTimer ??= this.RegisterGrainTimer(FlushProgressAsync, _exam.ProgressInterval, _exam.ProgressInterval);
        }
        return Task.CompletedTask;
    }

    public Task<AnnouncementMade> AnnounceAsync(Caller caller, string text, string? roomId)
    {
        var scope = Exam.RequireScope(caller);
        Exam.RequirePublished();
        return RunAsync<AnnouncementMade>(() =>
        {
            var announcement = Exam.Announce(scope, text, roomId, Now);
            Emit(new AnnouncementEvent(announcement.Text, announcement.At, announcement.RoomId),
                audienceGroup: announcement.RoomId is { } room ? ExamSeating.RoomGroup(room) : null);
            return announcement;
        });
    }

    public async Task<CandidateProgress> ActOnCandidateAsync(Caller caller, ProctorAction action)
    {
        Exam.RequireProctorOf(caller, action.StudentId ?? "");
        Exam.RequirePublished();
        var cause = Exam.ValidateAction(action);
        var progress = await Attempt(action.StudentId!).ApplyAsync(action with { Cause = cause });
        await RunAsync(() =>
        {
            var recorded = Exam.Record(action, cause, caller.UserId, Now);
            // One durable event per audience: the author's and admins' stream, and the room's proctors'.
            Emit(recorded, audienceGroup: ProctorsGroup);
            if (Exam.Seating.RoomIdOf(action.StudentId!) is { } room)
            {
                Emit(recorded, audienceGroup: ExamSeating.ProctorsOf(room));
            }
        });
        await ReportProgressAsync(progress);
        return Exam.Line(progress);
    }

    public async Task<CandidateProgress> SetAccommodationAsync(Caller caller, string studentId, int extraMinutes)
    {
        Exam.RequireProctor(caller);
        Exam.ValidateAccommodation(studentId, extraMinutes);
        var progress = await Attempt(studentId).ApplyAsync(new ProctorAction(studentId, ProctorAction.Accommodate, extraMinutes, ""));
        await RunAsync(() => Exam.Accommodate(studentId, extraMinutes, caller.UserId, Now));
        await ReportProgressAsync(progress);
        return Exam.Line(progress);
    }

    public async Task<IReadOnlyList<Irregularity>> GetIrregularitiesAsync(Caller caller)
    {
        var scope = Exam.RequireScope(caller);
        var inScope = Exam.Irregularities.Where(entry => scope.Covers(Exam.Seating.RoomIdOf(entry.StudentId)));
        await GatherProgressAsync();
        // Only the attempts whose line counts a focus loss are asked for its times.
        var distracted = Spec.Roster
            .Where(studentId => scope.Covers(Exam.Seating.RoomIdOf(studentId)) && Board.ProgressOf(studentId).FocusLosses > 0)
            .ToList();
        var losses = await FanOut.RunAsync(distracted, _exam.FanOut, async studentId =>
            (await Attempt(studentId).GetFocusLossesAsync()).Select(at => new Irregularity(at, studentId, Irregularity.FocusLost, 0, "", studentId)));
        return inScope.Concat(losses.SelectMany(entries => entries)).OrderBy(entry => entry.At).ToList();
    }

    public async Task<ExamView> PublishResultsAsync(Caller caller)
    {
        Exam.RequireProctor(caller);
        Exam.RequirePublished();
        if (Exam.ResultsPublished)
        {
            return View();
        }
        await GatherProgressAsync();
        if (!Exam.ResultsPending(Now, Board))
        {
            return View();
        }
        return await RunAsync<ExamView>(() =>
        {
            Emit(Exam.PublishResults(Now));
            return View();
        });
    }

    public async Task<StudentResult> GetMyResultAsync(Caller caller)
    {
        Exam.RequireResultOf(caller.UserId);
        return FinalMarks.Apply(await Attempt(caller.UserId).GetResultAsync(), await FinalMarksAsync());
    }

    public async Task<ExamResults> GetResultsAsync(Caller caller)
    {
        Exam.RequireProctor(caller);
        Exam.RequirePublished();
        return Results(await StudentResultsAsync());
    }

    public async Task<IReadOnlyList<ResultGroup>> GetResultsByAsync(Caller caller, string dimension)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var groupOf = Grouping(dimension);
        return ResultGroups.By(await StudentResultsAsync(), groupOf);
    }

    public async Task<IReadOnlyList<QuestionAnalysis>> GetItemAnalysisAsync(Caller caller)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var students = await StudentResultsAsync();
        return ItemAnalysis.Compute(Spec.Questions, students, await FanOutAsync(studentId => Attempt(studentId).GetResponsesAsync()));
    }

    public async Task<ExamAnalysis> GetAnalysisAsync(Caller caller)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var students = await StudentResultsAsync();
        var items = ItemAnalysis.Compute(Spec.Questions, students, await FanOutAsync(studentId => Attempt(studentId).GetResponsesAsync()));
        var groups = AnalysisDimensions.All.ToDictionary(dimension => dimension, dimension => ResultGroups.By(students, Grouping(dimension)));
        return new ExamAnalysis(Spec.Title, Spec.Subject, Spec.Questions, Results(students), groups, items);
    }

    public async Task<Regrade> ChangeKeyAsync(Caller caller, string questionId, string bodyJson)
    {
        Exam.RequireAnalyst(caller);
        Exam.RequirePublished();
        var question = Regrades.Question(questionId);
        var change = KeyChangeRequest.Parse(question, bodyJson);
        var regrade = await RunAsync(() => Regrades.Change(question, change, caller.UserId, Now));
        await RegradeAttemptsAsync();
        return regrade;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(Caller caller)
    {
        Exam.RequireAnalyst(caller);
        var entries = new List<AuditEntry>(Regrades.Audit);
        foreach (var question in Exam.MarkedQuestions)
        {
            entries.AddRange(await GrainFactory.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(Id, question.Id)).GetAuditAsync());
        }
        return entries.OrderBy(entry => entry.At).ToList();
    }

    public Task<PaperQuestion> AuthorizeMarkingAsync(Caller caller, string questionId) =>
        Task.FromResult(Exam.MarkableQuestion(caller, questionId));

    protected override async Task AuthorizeJoinAsync(Caller caller)
    {
        _ = Spec;
        if (Exam.ScopeOf(caller) is not null)
        {
            await GatherProgressAsync();
            return;
        }
        Exam.RequireCandidate(caller.UserId);
    }

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) => Exam.AudienceGroupsOf(caller);

    /// <summary>A whole city's candidates must not each hear of every other one arriving; proctors see who is here.</summary>
    protected override string? PresenceAudienceGroup => ProctorsGroup;

    protected override object BuildSnapshot(Caller caller) => Exam.Snapshot(caller, Now, Board);

    private Task FlushProgressAsync(CancellationToken cancellationToken)
    {
        if (Board.TakeChanges(Spec.Roster) is { } changes)
        {
            foreach (var (update, group) in Exam.ProgressEvents(changes, Board))
            {
                EmitEphemeral(update, audienceGroup: group);
            }
        }
        else
        {
            _progressTimer?.Dispose();
            _progressTimer = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>After a reactivation the roster view is empty; the attempts hold the truth, so ask them once.</summary>
    private async Task GatherProgressAsync()
    {
        if (Board.Gathered || !Exam.IsPublished || Exam.BeforeOpening(Now))
        {
            return;
        }
        Board.Gather(await FanOutAsync(studentId => Attempt(studentId).GetProgressAsync()));
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
        try
        {
            await Task.WhenAll(batch.Select(studentId => Attempt(studentId).PrepareAsync(Exam.Plan(studentId))));
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Preparing attempts of exam {Exam} failed; those students prepare when they start", Id);
        }
    }

    /// <summary>Every rostered student's line, regraded to the current key, with settled marks and their placement put in.</summary>
    private async Task<List<StudentResult>> StudentResultsAsync()
    {
        await RegradeAttemptsAsync();
        var results = await FanOutAsync(studentId => Attempt(studentId).GetResultAsync());
        var marked = await FinalMarksAsync();
        return results.Select(result => ResultPlacements.Apply(FinalMarks.Apply(result, marked), State.Placements)
            with { RoomId = Exam.Seating.RoomIdOf(result.StudentId) }).ToList();
    }

    private ExamResults Results(List<StudentResult> students) =>
        new(students, ResultStatistics.Compute(students, Spec.Questions), Regrades.All.ToList());

    private Func<StudentResult, ResultGrouping.Group> Grouping(string dimension) =>
        ResultGrouping.For(dimension, State.Placements, Exam.Seating.Rooms
            .SelectMany(room => room.StudentIds.Select(studentId => (studentId, group: new ResultGrouping.Group(room.Id, room.Name))))
            .ToDictionary(seat => seat.studentId, seat => seat.group, StringComparer.Ordinal));

    /// <summary>
    /// Brings every attempt to the current key revision; each attempt stores its regrade before it answers, and the
    /// revision is marked done only after all have, so an interrupted regrade is taken up again (idempotently).
    /// </summary>
    private async Task RegradeAttemptsAsync()
    {
        if (!Regrades.Pending)
        {
            return;
        }
        var revision = Regrades.Revision;
        var paper = Spec.Questions;
        await FanOutAsync(async studentId =>
        {
            await Attempt(studentId).RegradeAsync(revision, paper);
            return true;
        });
        await RunAsync(() => Regrades.Regraded(revision));
    }

    /// <summary>Settled marks of every short-answer question, by question id and then student id.</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, decimal>>> FinalMarksAsync()
    {
        var marked = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
        foreach (var question in Exam.MarkedQuestions)
        {
            marked[question.Id] = await GrainFactory.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(Id, question.Id)).GetFinalMarksAsync();
        }
        return marked;
    }

    private Task<List<T>> FanOutAsync<T>(Func<string, Task<T>> call) => FanOut.RunAsync(Spec.Roster, _exam.FanOut, call);

    private ExamView View() => Exam.View(Now, Board);

    private IExamAttemptGrain Attempt(string studentId) => GrainFactory.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(Id, studentId));
}
