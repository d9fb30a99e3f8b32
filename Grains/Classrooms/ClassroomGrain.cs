using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Classrooms.Events;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Collab.Grains.Observations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Classrooms;

/// <summary>
/// A 1+X classroom (PROTOCOL §8), as wiring around <see cref="ClassroomDocument"/>, which holds its rules.
/// Durability, and what a silo crash in the middle of a question leaves: the classroom, its classes, every pushed
/// question with its key and status, are the grain state, written before Start, End, PushQuestion, CloseQuestion and
/// RevealAnswer are answered. Each answer (<c>answer.recorded</c>), each teacher's count (<c>tally.submitted</c>) and
/// each tally sent (<c>tally.updated</c>) is a row of the one event log, appended before the call is answered. A new
/// activation reads the state and replays the rows after it through the document: the question is still open, its key
/// still only in the state (no row a student receives carries it), every acknowledged answer is back, a resent answer is
/// answered from the rebuilt command results, and a tally left unsent is sent by the throttle's timer.
/// The tally goes to the host and the teachers (audience group <see cref="ClassroomViews.StaffGroup"/>) at most once per
/// <see cref="ClassroomOptions.TallyInterval"/>, like an observation's ratings (<see cref="RatingsThrottle"/>).
/// </summary>
public sealed class ClassroomGrain(
    [PersistentState("classroom", StorageNames.Default)] IPersistentState<ClassroomState> store,
    IOptions<ClassroomOptions> classroomOptions,
    IOptions<LiveStreamOptions> options,
    IPeopleLookup people,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<ClassroomGrain> logger)
    : LiveGrain<ClassroomState>(store, options, time, logger), IClassroomGrain
{
    private readonly RatingsThrottle _throttle = new(classroomOptions.Value.TallyInterval);
    private IGrainTimer? _tallyTimer;

    protected override string Area => "classroom";

    /// <summary>Most of a classroom's events are one student's answer or the staff's tally: the lesson's own steps are chained.</summary>
    protected override bool ChainsEventsForEveryone => true;

    protected override IReadOnlySet<string> LoggedEventTypes { get; } =
        new HashSet<string> { AnswerRecordedEvent.Type, TallySubmittedEvent.Type, TallyUpdatedEvent.Type };

    /// <summary>The document over the current state, which activation may have replaced.</summary>
    private ClassroomDocument Room => new(Id, State);

    protected override void Apply(EventEnvelope logged) => Room.Replay(logged.Type, logged.DataJson);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (Room.TallyUnpublished)
        {
            ScheduleTally();
        }
    }

    public async Task<ClassroomInfo> CreateAsync(Caller caller, CreateClassroom command)
    {
        var plan = ClassroomSetup.Check(caller, command);
        if (Room.Exists)
        {
            throw CollabException.Conflict($"classroom {Id} already exists");
        }
        var classes = new List<DirectoryClass>();
        foreach (var classId in plan.ClassIds)
        {
            classes.Add(await people.ClassAsync(classId) ?? throw CollabException.NotFound($"class {classId} in the directory"));
        }
        var teachers = await people.PeopleAsync(classes.SelectMany(found => found.TeacherIds).Distinct().ToList());
        var built = ClassroomSetup.Build(Id, caller, plan, classes, teachers);
        await RunAsync(() => Room.Create(built));
        // After the classroom is durable, so no list names a classroom that does not exist.
        await Task.WhenAll(ClassroomSetup.Members(built).Select(ListForAsync));
        return Room.Info;
    }

    public Task<ClassroomInfo> GetAsync(Caller caller)
    {
        Room.RequireViewer(caller);
        return Task.FromResult(Room.Info);
    }

    public async Task<ClassroomInfo> StartAsync(Caller caller)
    {
        if (Room.WouldStart(caller))
        {
            await RunAsync(() => Emit(Room.Start(Now)));
        }
        return Room.Info;
    }

    public async Task<ClassroomInfo> EndAsync(Caller caller)
    {
        if (Room.WouldEnd(caller))
        {
            await RunAsync(() =>
            {
                var (closed, ended) = Room.End(Now);
                EmitClosing(closed);
                Emit(ended);
            });
        }
        return Room.Info;
    }

    public Task<string> PushQuestionAsync(Caller caller, CommandId command, string questionJson) =>
        RunAsync(caller, command, () =>
        {
            var question = Room.CheckPush(caller, questionJson);
            var (closed, pushed) = Room.Push(question, Now);
            EmitClosing(closed);
            Emit(pushed);
            return question.Id;
        });

    public Task<AnswerAccepted> AnswerAsync(Caller caller, CommandId command, string questionId, string answerJson) =>
        TallyingAsync(caller, command, () =>
        {
            var recorded = Room.Answer(caller, questionId, answerJson, Now);
            Emit(recorded, audience: caller.UserId);
            return new AnswerAccepted(recorded.At);
        });

    public Task<AnswerAccepted> SubmitTallyAsync(Caller caller, CommandId command, string questionId, string classId, IReadOnlyDictionary<string, int> counts) =>
        TallyingAsync(caller, command, () =>
        {
            var submitted = Room.SubmitTally(caller, questionId, classId, counts, Now);
            Emit(submitted, audienceGroup: ClassroomViews.StaffGroup);
            return new AnswerAccepted(submitted.At);
        });

    public async Task CloseQuestionAsync(Caller caller, string questionId)
    {
        if (Room.WouldClose(caller, questionId))
        {
            await RunAsync(() => EmitClosing(Room.Close(questionId, Now)));
        }
    }

    public async Task RevealAnswerAsync(Caller caller, string questionId)
    {
        if (Room.WouldReveal(caller, questionId))
        {
            await RunAsync(() =>
            {
                var (closed, revealed) = Room.Reveal(questionId, Now);
                EmitClosing(closed);
                Emit(revealed);
            });
        }
    }

    public Task<ClassroomReport> ReportAsync(Caller caller)
    {
        Room.RequireReader(caller);
        return Task.FromResult(Room.Report());
    }

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        Room.RequireViewer(caller);
        return Task.CompletedTask;
    }

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) =>
        ClassroomViews.SeesTally(Room, caller) ? [ClassroomViews.StaffGroup] : [];

    protected override object BuildSnapshot(Caller caller) => ClassroomViews.SnapshotFor(Room, caller, OnlineUsersWith(caller));

    /// <summary>Students do not learn who else is online; the host and the teachers see each class's count.</summary>
    protected override string? PresenceAudienceGroup => ClassroomViews.StaffGroup;

    protected override void OnPresenceChanged(string userId, bool online)
    {
        if (State.Info is not null && Room.ClassOf(userId) is { } classId)
        {
            EmitEphemeral(new ClassPresenceEvent(classId, Room.StudentsOf(classId).Count(IsOnline)), audienceGroup: ClassroomViews.StaffGroup);
        }
    }

    /// <summary>Runs an answer or a count, sending the tally with it when the throttle allows and scheduling it otherwise.</summary>
    private async Task<AnswerAccepted> TallyingAsync(Caller caller, CommandId command, Func<AnswerAccepted> change)
    {
        var accepted = await RunAsync(caller, command, () =>
        {
            var result = change();
            if (_throttle.IsDue(Now))
            {
                EmitTally();
            }
            return result;
        });
        if (Room.TallyUnpublished)
        {
            ScheduleTally();
        }
        return accepted;
    }

    /// <summary>A question that closes sends its last tally first, so the host's bars end where the report begins.</summary>
    private void EmitClosing(QuestionClosedEvent? closed)
    {
        if (closed is null)
        {
            return;
        }
        if (Room.TallyUnpublished)
        {
            EmitTally();
        }
        Emit(closed);
    }

    private void EmitTally()
    {
        if (Room.PublishTally() is { } tally)
        {
            Emit(tally, audienceGroup: ClassroomViews.StaffGroup);
        }
        _throttle.Published(Now);
    }

    private void ScheduleTally() =>
        _tallyTimer ??= this.RegisterGrainTimer(PublishPendingTallyAsync, _throttle.DueIn(Now), Timeout.InfiniteTimeSpan);

    private async Task PublishPendingTallyAsync(CancellationToken cancellationToken)
    {
        _tallyTimer?.Dispose();
        _tallyTimer = null;
        if (!Room.TallyUnpublished)
        {
            return;
        }
        if (!_throttle.IsDue(Now))
        {
            ScheduleTally();
            return;
        }
        try
        {
            await RunAsync(EmitTally);
        }
        catch (CollabException exception)
        {
            // The answers are durable with the flag set; the reactivated grain sends the tally.
            logger.LogWarning(exception, "Publishing the tally of classroom {Id} failed", Id);
        }
    }

    private async Task ListForAsync(string userId)
    {
        try
        {
            await GrainFactory.GetGrain<IUserClassroomsGrain>(userId).AddAsync(Id);
        }
        catch (Exception exception)
        {
            // The classroom is stored and joinable by id; only this user's list misses it.
            logger.LogWarning(exception, "Listing classroom {Id} for {User} failed", Id, userId);
        }
    }
}
