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
/// An observed lesson (PROTOCOL §3). Who may do what is asked of the owning group on every command. Individual scores
/// never leave the grain except to their own observer; everyone sees the aggregate, sent at most once per
/// <see cref="ObservationOptions.RatingsBroadcastInterval"/>.
/// </summary>
public sealed class ObservationGrain(
    [PersistentState("observation", StorageNames.Default)] IPersistentState<ObservationState> store,
    IOptions<ObservationOptions> observationOptions,
    IOptions<LiveStreamOptions> options,
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
    private DateTimeOffset _ratingsPublishedAt = DateTimeOffset.MinValue;
    private IGrainTimer? _ratingsTimer;

    protected override string Area => "observations";

    /// <summary>Notes, the command an observation gets most, are rows of the event log, so a note costs the same at the 2,000th as at the first.</summary>
    protected override IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string> { NoteAddedEvent.Type };

    protected override void Apply(EventEnvelope logged)
    {
        var note = LiveJson.Deserialize<ObservationNote>(logged.DataJson);
        note.WrittenAt = logged.At;
        State.NoteCount++;
        State.Notes.Add(note);
    }

    public Task MemberRemovedAsync(string userId)
    {
        _membership?.Removed(userId);
        RevokeNow(userId);
        return Task.CompletedTask;
    }

    private GroupMembership? _membership;

    private Rubric Rubric => State.Rubric ?? throw CollabException.NotFound($"observation {Id}");

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
        if (State.GroupId is not null)
        {
            throw CollabException.Conflict($"observation {Id} already exists");
        }
        var group = TextFields.Required(groupId, "groupId", ObservationLimits.ShortFieldLength);
        var title = TextFields.Required(command.Title, "title", ObservationLimits.TitleLength);
        var teacherId = TextFields.Required(command.TeacherId, "teacherId", ObservationLimits.ShortFieldLength);
        var subject = TextFields.Required(command.Subject, "subject", ObservationLimits.ShortFieldLength);
        var grade = TextFields.Required(command.Grade, "grade", ObservationLimits.ShortFieldLength);
        if (command.StartsAt == default)
        {
            throw CollabException.Invalid("startsAt is required");
        }
        var rubric = RubricRules.Validate(command.Rubric);
        var view = await GrainFactory.GetGrain<IGroupGrain>(group).GetAsync(caller);
        if (view.MyRole is null)
        {
            throw NotMember(group);
        }
        if (view.MyRole != GroupRoles.Leader && caller.UserId != teacherId)
        {
            throw CollabException.Forbidden("the group leader or the observed teacher schedules an observation");
        }
        var teacher = view.Members.FirstOrDefault(m => m.UserId == teacherId)
            ?? throw CollabException.Invalid($"the observed teacher {teacherId} is not a member of group {group}");
        await RunAsync(() =>
        {
            State.GroupId = group;
            State.Title = title;
            State.TeacherId = teacher.UserId;
            State.TeacherName = teacher.Name;
            State.Subject = subject;
            State.Grade = grade;
            State.StartsAt = command.StartsAt.ToUniversalTime();
            State.Status = ObservationStatuses.Scheduled;
            State.Rubric = rubric;
            State.CreatedBy = caller.UserId;
        });
        await ListSessionAsync();
        return Info();
    }

    public async Task<ObservationInfo> SetRubricAsync(Caller caller, Rubric rubric)
    {
        await RequireConductorAsync(caller);
        var valid = RubricRules.Validate(rubric ?? throw CollabException.Invalid("rubric is required"));
        if (State.Status != ObservationStatuses.Scheduled)
        {
            throw CollabException.Conflict("the rubric is fixed once the lesson has started");
        }
        await RunAsync(() =>
        {
            State.Rubric = valid;
            Emit(new RubricChangedEvent(valid, caller.UserId));
        });
        return Info();
    }

    public async Task<LessonTimes> StartAsync(Caller caller)
    {
        await RequireConductorAsync(caller);
        await ListSessionAsync();
        if (State.Status == ObservationStatuses.Scheduled)
        {
            await RunAsync(() =>
            {
                State.Status = ObservationStatuses.Live;
                State.StartedAt = Now;
                Emit(new LessonStartedEvent(State.StartedAt!.Value, caller.UserId));
            });
        }
        else if (State.Status != ObservationStatuses.Live)
        {
            throw CollabException.Conflict("the lesson has already ended");
        }
        return Times();
    }

    public async Task<LessonTimes> EndAsync(Caller caller)
    {
        await RequireConductorAsync(caller);
        if (State.Status == ObservationStatuses.Scheduled)
        {
            throw CollabException.Conflict("the lesson has not started");
        }
        if (State.Status == ObservationStatuses.Live)
        {
            await RunAsync(() =>
            {
                State.Status = ObservationStatuses.Ended;
                State.EndedAt = Now;
                var durationSeconds = Offset(State.EndedAt.Value);
                Emit(new LessonEndedEvent(State.EndedAt.Value, durationSeconds, caller.UserId));
            });
        }
        if (State.Status == ObservationStatuses.Ended)
        {
            // Also on a repeated End: a caller who saw the first fail after the write arms the reminder by retrying.
            await ArmFinalizeReminderAsync();
        }
        return Times();
    }

    public async Task<NoteAdded> AddNoteAsync(Caller caller, CommandId command, string text, DateTimeOffset? at, string visibility)
    {
        await RequireMemberAsync(caller);
        return await RunAsync(caller, command, () =>
        {
            RequireStatus(ObservationStatuses.Live, "notes are taken while the lesson is live");
            if (!NoteVisibility.IsKnown(visibility))
            {
                throw CollabException.Invalid("visibility is public or private");
            }
            var body = TextFields.Required(text, "text", ObservationLimits.NoteLength, trim: false);
            var moment = NoteMoment(at);
            if (State.Notes.Count >= ObservationLimits.Notes)
            {
                throw CollabException.Conflict($"an observation holds at most {ObservationLimits.Notes} notes");
            }
            var minuteAgo = Now - TimeSpan.FromMinutes(1);
            if (State.Notes.Count(n => n.UserId == caller.UserId && n.WrittenAt > minuteAgo) >= _pace.NotesPerObserverPerMinute)
            {
                throw new CollabException(ErrorCodes.RateLimited, $"at most {_pace.NotesPerObserverPerMinute} notes a minute; slow down");
            }
            var note = new ObservationNote
            {
                Id = $"n{++State.NoteCount}",
                UserId = caller.UserId,
                Name = caller.Name,
                Text = body,
                At = moment,
                OffsetSeconds = Offset(moment),
                Visibility = visibility,
                WrittenAt = Now,
            };
            State.Notes.Add(note);
            RecordObserver(caller);
            Emit(NoteView(note), visibility == NoteVisibility.Private ? caller.UserId : null);
            return new NoteAdded(note.Id, note.At, note.OffsetSeconds);
        });
    }

    public async Task<RatingAccepted> RateAsync(Caller caller, CommandId command, IReadOnlyDictionary<string, int> scores, string? comment)
    {
        await RequireMemberAsync(caller);
        if (caller.UserId == State.TeacherId)
        {
            throw CollabException.Forbidden("the observed teacher does not rate their own lesson");
        }
        var accepted = await RunAsync(caller, command, () =>
        {
            if (State.Status == ObservationStatuses.Scheduled)
            {
                throw new CollabException(ErrorCodes.NotOpen, "rating opens when the lesson starts");
            }
            if (State.Status == ObservationStatuses.Finalized)
            {
                throw new CollabException(ErrorCodes.Closed, "the report is final; ratings can no longer change");
            }
            RubricMaths.ValidateScores(Rubric, scores);
            var remark = TextFields.Optional(comment, "comment", ObservationLimits.CommentLength);
            var rating = State.Ratings.Find(r => r.UserId == caller.UserId);
            var replaced = rating is not null;
            if (rating is null)
            {
                rating = new ObservationRating { UserId = caller.UserId };
                State.Ratings.Add(rating);
            }
            rating.Scores = new Dictionary<string, int>(scores);
            rating.Comment = remark;
            rating.RatedAt = Now;
            RecordObserver(caller);
            State.RatingsUnpublished = true;
            if (Now - _ratingsPublishedAt >= _pace.RatingsBroadcastInterval)
            {
                EmitRatings();
            }
            return new RatingAccepted(rating.RatedAt, replaced, RubricMaths.WeightedTotal(Rubric, rating.Scores));
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
        if (State.Status is ObservationStatuses.Scheduled or ObservationStatuses.Live)
        {
            throw CollabException.Conflict("the report is finalized after the lesson has ended");
        }
        if (State.Status == ObservationStatuses.Ended)
        {
            await FinalizeAsync(caller.UserId);
        }
        return Report();
    }

    /// <summary>Finalizes the report once <see cref="ObservationOptions.ReportFinalizesAfter"/> has passed since the end.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FinalizeReminder)
        {
            return;
        }
        if (State.Status == ObservationStatuses.Ended && Now >= State.EndedAt + _pace.ReportFinalizesAfter)
        {
            await FinalizeAsync(null);
        }
        if (State.Status == ObservationStatuses.Finalized)
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
            State.Status = ObservationStatuses.Finalized;
            State.FinalizedAt = Now;
            var aggregate = Aggregate();
            Emit(new ReportReadyEvent(State.FinalizedAt.Value, aggregate.Count, aggregate.WeightedTotal, userId));
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
        if (State.Status is ObservationStatuses.Scheduled or ObservationStatuses.Live)
        {
            throw new CollabException(ErrorCodes.NotOpen, "the report opens when the lesson has ended");
        }
        return Report();
    }

    /// <summary>
    /// Following a live lesson is observing it (听课): a member's first Join or Sync while it is live records them among
    /// the report's observers, as a note or a rating would.
    /// </summary>
    protected override async Task AuthorizeJoinAsync(Caller caller)
    {
        await RequireParticipantAsync(caller);
        if (State.Status == ObservationStatuses.Live && IsNewObserver(caller))
        {
            await RunAsync(() => RecordObserver(caller));
        }
    }

    protected override object BuildSnapshot(Caller caller)
    {
        var mine = State.Ratings.Find(r => r.UserId == caller.UserId);
        return new
        {
            id = Id,
            groupId = State.GroupId,
            title = State.Title,
            subject = State.Subject,
            grade = State.Grade,
            teacherId = State.TeacherId,
            teacherName = State.TeacherName,
            status = State.Status,
            startsAt = State.StartsAt,
            startedAt = State.StartedAt,
            endedAt = State.EndedAt,
            finalizedAt = State.FinalizedAt,
            rubric = Rubric,
            notes = State.Notes
                .Where(n => n.Visibility == NoteVisibility.Public || n.UserId == caller.UserId)
                .OrderBy(n => n.At)
                .Select(NoteView)
                .ToList(),
            myRating = mine is null
                ? null
                : new { scores = mine.Scores, comment = mine.Comment, ratedAt = mine.RatedAt, weightedTotal = RubricMaths.WeightedTotal(Rubric, mine.Scores) },
            aggregate = AggregateView(Aggregate()),
            online = OnlineUsersWith(caller),
        };
    }

    /// <summary>Sends the current aggregate within the running command and notes when, for the throttle.</summary>
    private void EmitRatings()
    {
        Emit(AggregateView(Aggregate()));
        State.RatingsUnpublished = false;
        _ratingsPublishedAt = Now;
    }

    private void ScheduleRatingsBroadcast()
    {
        if (_ratingsTimer is not null)
        {
            return;
        }
        var due = _ratingsPublishedAt + _pace.RatingsBroadcastInterval - Now;
        _ratingsTimer = this.RegisterGrainTimer(PublishPendingRatingsAsync, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task PublishPendingRatingsAsync(CancellationToken cancellationToken)
    {
        _ratingsTimer?.Dispose();
        _ratingsTimer = null;
        if (!State.RatingsUnpublished)
        {
            return;
        }
        if (Now - _ratingsPublishedAt < _pace.RatingsBroadcastInterval)
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

    private RatingAggregate Aggregate() =>
        RubricMaths.Aggregate(Rubric, State.Ratings.Select(r => (IReadOnlyDictionary<string, int>)r.Scores).ToList());

    private static RatingsUpdatedEvent AggregateView(RatingAggregate aggregate) =>
        new(aggregate.Count, aggregate.Means, aggregate.Count == 0 ? null : aggregate.WeightedTotal);

    private ObservationReport Report()
    {
        var aggregate = Aggregate();
        var notes = State.Notes
            .Where(n => n.Visibility == NoteVisibility.Public)
            .OrderBy(n => n.At)
            .ThenBy(n => n.WrittenAt)
            .Select(n => new ReportNote(n.Id, n.UserId, n.Name, n.Text, n.At, n.OffsetSeconds))
            .ToList();
        var comments = State.Ratings
            .Where(r => r.Comment.Length > 0)
            .OrderBy(r => r.RatedAt)
            .Select(r =>
            {
                var observer = State.Observers.Find(o => o.UserId == r.UserId);
                return new ReportComment(r.UserId, observer?.Name ?? r.UserId, observer?.School ?? "", observer?.County ?? "", r.Comment, r.RatedAt);
            })
            .ToList();
        var byCounty = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var observer in State.Observers)
        {
            var county = observer.County.Length == 0 ? "unknown" : observer.County;
            byCounty[county] = byCounty.GetValueOrDefault(county) + 1;
        }
        return new ObservationReport(Id, State.GroupId!, State.Title, State.Subject, State.Grade, State.TeacherId, State.TeacherName,
            State.Status, State.Status == ObservationStatuses.Finalized, State.StartedAt, State.EndedAt,
            aggregate.Count, aggregate.WeightedTotal, aggregate.Dimensions, notes, comments, byCounty, State.Observers.Count,
            State.FinalizedAt);
    }

    private ObservationInfo Info() =>
        new(Id, State.GroupId!, State.Title, State.TeacherId, State.Subject, State.Grade, State.StartsAt, State.Status, Rubric);

    private LessonTimes Times() => new(State.Status, State.StartedAt, State.EndedAt);

    private static NoteAddedEvent NoteView(ObservationNote note) =>
        new(note.Id, note.UserId, note.Name, note.Text, note.At, note.OffsetSeconds, note.Visibility);

    /// <summary>The moment a note is about: now by default, else a moment from Start up to now (a little ahead is taken as now).</summary>
    private DateTimeOffset NoteMoment(DateTimeOffset? at)
    {
        var now = Now;
        if (at is null)
        {
            return now;
        }
        var moment = at.Value.ToUniversalTime();
        moment = moment.AddTicks(-(moment.Ticks % TimeSpan.TicksPerMillisecond));
        if (moment < State.StartedAt || moment > now + ObservationLimits.NoteClockTolerance)
        {
            throw CollabException.Invalid($"a note's time lies within the lesson, from {State.StartedAt:O} to now");
        }
        return moment > now ? now : moment;
    }

    private int Offset(DateTimeOffset moment) => (int)Math.Floor((moment - State.StartedAt!.Value).TotalSeconds);

    private bool IsNewObserver(Caller caller) =>
        caller.UserId != State.TeacherId && State.Observers.TrueForAll(o => o.UserId != caller.UserId);

    private void RecordObserver(Caller caller)
    {
        if (IsNewObserver(caller))
        {
            RequireSnapshot();
            State.Observers.Add(new Observer(caller.UserId, caller.Name, caller.School, caller.County));
        }
    }

    private void RequireStatus(string status, string why)
    {
        if (State.Status == status)
        {
            return;
        }
        throw State.Status == ObservationStatuses.Scheduled
            ? new CollabException(ErrorCodes.NotOpen, $"the lesson has not started; {why}")
            : new CollabException(ErrorCodes.Closed, $"the lesson has ended; {why}");
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
        var groupId = State.GroupId ?? throw CollabException.NotFound($"observation {Id}");
        _membership ??= new GroupMembership(() => GrainFactory.GetGrain<IGroupGrain>(groupId),
            new GroupWatcher(GroupWatcher.Observation, Id), Time, LiveOptions.MembersRereadInterval);
        return await _membership.RoleOfAsync(caller.UserId) ?? throw NotMember(groupId);
    }

    /// <summary>Group members, and the observed teacher even should they have left the group since: it is their lesson.</summary>
    private async Task RequireParticipantAsync(Caller caller)
    {
        if (State.GroupId is null)
        {
            throw CollabException.NotFound($"observation {Id}");
        }
        if (caller.UserId != State.TeacherId)
        {
            await RequireMemberAsync(caller);
        }
    }

    private async Task RequireConductorAsync(Caller caller)
    {
        var role = await RequireMemberAsync(caller);
        if (caller.UserId != State.TeacherId && role != GroupRoles.Leader)
        {
            throw CollabException.Forbidden("only the observed teacher or the group leader may do this");
        }
    }

    private static CollabException NotMember(string groupId) =>
        new(ErrorCodes.NotMember, $"you are not a member of group {groupId}");
}
