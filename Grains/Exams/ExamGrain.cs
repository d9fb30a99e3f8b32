using Collab.Grains.Directory;
using Collab.Grains.Exams.Regrading;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;
using Collab.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Exams;

/// <summary>
/// An exam session (PROTOCOL §5), as wiring around <see cref="ExamDocument"/>, which holds its rules: this grain runs
/// the document's changes as commands, sends their events, and talks to the attempts and the marking queues. The
/// paper, schedule, roster, announcements and irregularity log are durable; the proctor's roster view
/// (<see cref="ProctorBoard"/>) is kept in memory from the attempts' summarised reports (the attempts are the durable
/// truth, and are asked again after a reactivation) and pushed to proctors at most every
/// <see cref="ExamOptions.ProgressInterval"/>. This file holds authoring, publishing and joining; the proctoring calls
/// are in ExamGrain.Proctoring.cs, the results, analysis and key changes in ExamGrain.Results.cs.
/// </summary>
/// <remarks>
/// What survives a silo crash: the rooms (with the students each seats, resolved at publishing), the announcements,
/// the irregularity log and the accommodations are in this grain's state, written before a command is acknowledged.
/// An attempt holds its own pause, paused time, extensions and accommodation in its state, written before it answers,
/// with its deadline reminder moved first; a proctor's action is logged here only after the attempt applied it, so an
/// action is never logged that did not happen (one interrupted between the two is retried by the proctor, and a
/// retried accommodation sets the same minutes again).
/// </remarks>
public sealed partial class ExamGrain(
    [PersistentState("exam", StorageNames.Default)] IPersistentState<ExamState> store,
    IOptions<ExamOptions> examOptions,
    IOptions<LiveStreamOptions> options,
    IPeopleLookup people,
    ICandidateIndex candidates,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<ExamGrain> logger)
    : LiveGrain<ExamState>(store, options, time, logger), IExamGrain
{
    public const string ProctorsGroup = ExamSeating.AllProctors;

    private readonly ExamOptions _exam = examOptions.Value;
    private readonly ILogger _logger = logger;
    private ProctorBoard? _proctorBoard;
    private ExamDocument? _document;
    private ExamProctoring? _proctoring;
    private ExamRegrades? _regrades;
    private IGrainTimer? _progressTimer;
    private IGrainTimer? _prepareTimer;
    private int _prepared;

    protected override string Area => "exams";

    private ExamDocument Exam => _document ??= new ExamDocument(Id, State);

    private ExamProctoring Proctoring => _proctoring ??= new ExamProctoring(Id, State, Exam);

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

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) => Proctoring.AudienceGroupsOf(caller);

    /// <summary>A whole city's candidates must not each hear of every other one arriving; proctors see who is here.</summary>
    protected override string? PresenceAudienceGroup => ProctorsGroup;

    protected override object BuildSnapshot(Caller caller) => Proctoring.Snapshot(caller, Now, Board);

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

    private Task<List<T>> FanOutAsync<T>(Func<string, Task<T>> call) => FanOut.RunAsync(Spec.Roster, _exam.FanOut, call);

    private ExamView View() => Exam.View(Now, Board);

    private IExamAttemptGrain Attempt(string studentId) => GrainFactory.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(Id, studentId));
}
