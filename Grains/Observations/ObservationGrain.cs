using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Observations.Events;
using Collab.Grains.Groups;
using Collab.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Observations;

/// <summary>
/// An observed lesson (PROTOCOL §3), as wiring around <see cref="ObservationDocument"/>, which holds its rules: this
/// grain asks the owning group who the caller is on every command, runs the document's change as one idempotent
/// command, and sends the events it returns. Notes are rows of the event log, replayed through the document;
/// everything else is in the snapshot. Individual scores never leave the grain except to their own observer; everyone
/// sees the aggregate, sent at most once per <see cref="ObservationOptions.RatingsBroadcastInterval"/>
/// (<see cref="RatingsThrottle"/>), and a report still open when <see cref="ObservationOptions.ReportFinalizesAfter"/>
/// has passed since the end is finalized by a reminder.
/// </summary>
public sealed class ObservationGrain(
    [PersistentState("observation", StorageNames.Default)] IPersistentState<ObservationState> store,
    IOptions<ObservationOptions> observationOptions,
    IOptions<LiveStreamOptions> options,
    IPeopleLookup people,
    [FromKeyedServices(ObservationGrain.ClockKey)] TimeProvider time,
    ILogger<ObservationGrain> logger)
    : LiveGrain<ObservationState>(store, options, time, logger), IObservationGrain, IRemindable
{
    public const string SessionKind = "observation";

    private const string FinalizeReminder = "finalize-report";

    /// <summary>
    /// The clock of observations: the host's own clock in production; tests replace it alone, so lesson offsets, the
    /// note budget and the ratings throttle are testable without waiting while Orleans keeps its real clock.
    /// </summary>
    public const string ClockKey = "observations";

    private readonly ObservationOptions _pace = observationOptions.Value;
    private readonly RatingsThrottle _throttle = new(observationOptions.Value.RatingsBroadcastInterval);
    private OneShotTimer? _ratingsTimer;
    private GroupMembership? _membership;

    protected override string Area => "observations";

    /// <summary>Notes, the command an observation gets most, are rows of the event log, so a note costs the same at the 2,000th as at the first.</summary>
    protected override IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string> { NoteAddedEvent.Type };

    /// <summary>The document over the current state, which activation may have replaced.</summary>
    private ObservationDocument Lesson => new(Id, State);

    protected override void Apply(EventEnvelope logged) => Lesson.Record(LiveJson.Deserialize<NoteAddedEvent>(logged.DataJson), logged.At);

    public Task MemberRemovedAsync(string userId)
    {
        _membership?.Removed(userId);
        RevokeNow(userId);
        return Task.CompletedTask;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.RatingsUnpublished)
        {
            ScheduleRatingsBroadcast();
        }
    }

    public async Task<ObservationInfo> CreateAsync(Caller caller, string groupId, CreateObservation command)
    {
        var plan = Lesson.Validate(groupId, command);
        var view = await GrainFactory.GetGrain<IGroupGrain>(plan.GroupId).GetAsync(caller);
        await RunAsync(() => Lesson.Create(plan, view, caller.UserId));
        await ListSessionAsync();
        return Lesson.Info();
    }

    public async Task<ObservationInfo> SetRubricAsync(Caller caller, Rubric rubric)
    {
        await RequireConductorAsync(caller);
        await RunAsync(() => Emit(Lesson.SetRubric(rubric, caller.UserId)));
        return Lesson.Info();
    }

    public async Task<LessonTimes> StartAsync(Caller caller)
    {
        await RequireConductorAsync(caller);
        await ListSessionAsync();
        if (Lesson.StartPending())
        {
            await RunAsync(() => Emit(Lesson.Start(Now, caller.UserId)));
        }
        return Lesson.Times();
    }

    public async Task<LessonTimes> EndAsync(Caller caller)
    {
        await RequireConductorAsync(caller);
        if (Lesson.EndPending())
        {
            await RunAsync(() => Emit(Lesson.End(Now, caller.UserId)));
        }
        if (Lesson.Status == ObservationStatuses.Ended)
        {
            // Also on a repeated End: a caller who saw the first fail after the write arms the reminder by retrying.
            await ArmFinalizeReminderAsync();
        }
        return Lesson.Times();
    }

    public async Task<NoteAdded> AddNoteAsync(Caller caller, CommandId command, string text, DateTimeOffset? at, string visibility)
    {
        await RequireMemberAsync(caller);
        var observer = await ObserverAsync(caller);
        return await RunAsync(caller, command, () =>
        {
            var note = Lesson.AddNote(caller, text, at, visibility, Now, _pace.NotesPerObserverPerMinute);
            RecordObserver(observer);
            Emit(note, ObservationDocument.AudienceOf(note));
            return new NoteAdded(note.Id, note.At, note.OffsetSeconds);
        });
    }

    public async Task<RatingAccepted> RateAsync(Caller caller, CommandId command, IReadOnlyDictionary<string, int> scores, string? comment)
    {
        await RequireMemberAsync(caller);
        Lesson.RequireRater(caller.UserId);
        var observer = await ObserverAsync(caller);
        var accepted = await RunAsync(caller, command, () =>
        {
            var rating = Lesson.Rate(caller.UserId, scores, comment, Now);
            RecordObserver(observer);
            if (_throttle.IsDue(Now))
            {
                EmitRatings();
            }
            return rating;
        });
        if (State.RatingsUnpublished)
        {
            ScheduleRatingsBroadcast();
        }
        return accepted;
    }

    public async Task<ObservationReport> FinalizeReportAsync(Caller caller)
    {
        await RequireConductorAsync(caller);
        if (Lesson.FinalizePending())
        {
            await FinalizeAsync(caller.UserId);
        }
        return Lesson.Report();
    }

    /// <summary>Finalizes the report once <see cref="ObservationOptions.ReportFinalizesAfter"/> has passed since the end.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FinalizeReminder)
        {
            return;
        }
        if (Lesson.FinalizesBy(Now, _pace.ReportFinalizesAfter))
        {
            await FinalizeAsync(null);
        }
        if (Lesson.Status == ObservationStatuses.Finalized)
        {
            await DisarmFinalizeReminderAsync();
        }
    }

    /// <summary>Closes ratings; an aggregate still held back by the throttle goes out first, so the last one matches the report.</summary>
    private async Task FinalizeAsync(string? userId)
    {
        await RunAsync(() =>
        {
            if (State.RatingsUnpublished)
            {
                EmitRatings();
            }
            Emit(Lesson.Finalize(Now, userId));
        });
        if (userId is not null)
        {
            await DisarmFinalizeReminderAsync();
        }
    }

    private async Task ArmFinalizeReminderAsync()
    {
        if (_pace.ReportFinalizesAfter <= TimeSpan.Zero)
        {
            return;
        }
        var period = _pace.FinalizeReminderPeriod;
        await this.RegisterOrUpdateReminder(FinalizeReminder, _pace.ReportFinalizesAfter < period ? _pace.ReportFinalizesAfter : period, period);
    }

    private async Task DisarmFinalizeReminderAsync()
    {
        if (await this.GetReminder(FinalizeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<ObservationReport> GetReportAsync(Caller caller)
    {
        await RequireParticipantAsync(caller);
        Lesson.RequireReportOpen();
        return Lesson.Report();
    }

    /// <summary>
    /// Following a live lesson is observing it (听课): a member's first Join or Sync while it is live records them among
    /// the report's observers, as a note or a rating would.
    /// </summary>
    protected override async Task AuthorizeJoinAsync(Caller caller)
    {
        await RequireParticipantAsync(caller);
        if (Lesson.Status == ObservationStatuses.Live && Lesson.IsNewObserver(caller.UserId))
        {
            var observer = await people.AsShownAsync(caller);
            await RunAsync(() => RecordObserver(observer));
        }
    }

    protected override object BuildSnapshot(Caller caller) => Lesson.Snapshot(caller.UserId, OnlineUsersWith(caller));

    /// <summary>The report lists its observers as the directory names them, looked up once, at their first note, rating or Join.</summary>
    private async Task<Caller> ObserverAsync(Caller caller) =>
        Lesson.IsNewObserver(caller.UserId) ? await people.AsShownAsync(caller) : caller;

    /// <summary>The observers are not in a note's event, so a command that adds one writes a snapshot.</summary>
    private void RecordObserver(Caller caller)
    {
        if (Lesson.RecordObserver(caller))
        {
            RequireSnapshot();
        }
    }

    /// <summary>Sends the current aggregate within the running command and notes when, for the throttle.</summary>
    private void EmitRatings()
    {
        Emit(Lesson.PublishRatings());
        _throttle.Published(Now);
    }

    private void ScheduleRatingsBroadcast() => (_ratingsTimer ??= new OneShotTimer(this, PublishPendingRatingsAsync)).Request(_throttle.DueIn(Now));

    private async Task PublishPendingRatingsAsync()
    {
        if (!State.RatingsUnpublished)
        {
            return;
        }
        if (!_throttle.IsDue(Now))
        {
            ScheduleRatingsBroadcast();
            return;
        }
        try
        {
            await RunAsync(EmitRatings);
        }
        catch (CollabException exception)
        {
            // The rating itself is durable with its flag set; the reactivated grain sends the update.
            logger.LogWarning(exception, "Publishing the ratings of {Id} failed", Id);
        }
    }

    /// <summary>Tells the group about the session; the group replaces a session it already lists, so a retry is harmless.</summary>
    private async Task ListSessionAsync()
    {
        if (State.SessionListed)
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<IGroupGrain>(State.GroupId!).ScheduleSessionAsync(new GroupSession(SessionKind, Id, State.Title, State.StartsAt));
            await RunAsync(() => State.SessionListed = true);
        }
        catch (Exception exception)
        {
            // The observation itself is stored; Start lists it if this attempt failed.
            logger.LogWarning(exception, "Listing observation {Id} in group {Group} failed", Id, State.GroupId);
        }
    }

    private async Task<string> RequireMemberAsync(Caller caller)
    {
        var groupId = Lesson.GroupId;
        _membership ??= new GroupMembership(() => GrainFactory.GetGrain<IGroupGrain>(groupId),
            new GroupWatcher(GroupWatcher.Observation, Id), Time, LiveOptions.MembersRereadInterval);
        return await _membership.RoleOfAsync(caller.UserId) ?? throw ObservationDocument.NotMember(groupId);
    }

    /// <summary>Group members, and the observed teacher even should they have left the group since: it is their lesson.</summary>
    private async Task RequireParticipantAsync(Caller caller)
    {
        if (!Lesson.IsTeacher(caller.UserId) || !Lesson.Exists)
        {
            await RequireMemberAsync(caller);
        }
    }

    private async Task RequireConductorAsync(Caller caller) => Lesson.RequireConductor(caller.UserId, await RequireMemberAsync(caller));
}
