using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Observations.Events;
using Collab.Grains.Live;

namespace Collab.Grains.Observations;

/// <summary>
/// The rules of one observed lesson over its state (PROTOCOL §3): the phases scheduled → live → ended → finalized and
/// what each allows; notes (their moment within the lesson, size, number and pace, and that a private one is its
/// author's alone); one rating per observer other than the teacher and their aggregate (<see cref="RubricMaths"/>);
/// who observed; the report. Pure: it is told the time and the caller, and returns the events to send; the grain
/// authorizes, stores, emits and schedules around it. A note is applied by <see cref="Record"/> both when it is added
/// and when activation replays it, so the two cannot differ.
/// </summary>
public sealed class ObservationDocument(string id, ObservationState state)
{
    public bool Exists => state.GroupId is not null;

    public string GroupId => state.GroupId ?? throw CollabException.NotFound($"observation {id}");

    public string Status => state.Status;

    public Rubric Rubric => state.Rubric ?? throw CollabException.NotFound($"observation {id}");

    public DateTimeOffset? EndedAt => state.EndedAt;

    /// <summary>The observed teacher takes part without being a member of the group: it is their lesson.</summary>
    public bool IsTeacher(string userId) => userId == state.TeacherId;

    public NewObservation Validate(string groupId, CreateObservation command)
    {
        if (Exists)
        {
            throw CollabException.Conflict($"observation {id} already exists");
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
        return new NewObservation(group, title, teacherId, subject, grade, command.StartsAt.ToUniversalTime(), RubricRules.Validate(command.Rubric));
    }

    /// <summary>The group leader or the teacher to be observed schedules a lesson of a member of the group.</summary>
    public void Create(NewObservation plan, GroupView group, string createdBy)
    {
        if (group.MyRole is null)
        {
            throw NotMember(plan.GroupId);
        }
        if (group.MyRole != GroupRoles.Leader && createdBy != plan.TeacherId)
        {
            throw CollabException.Forbidden("the group leader or the observed teacher schedules an observation");
        }
        var teacher = group.Members.FirstOrDefault(m => m.UserId == plan.TeacherId)
            ?? throw CollabException.Invalid($"the observed teacher {plan.TeacherId} is not a member of group {plan.GroupId}");
        state.GroupId = plan.GroupId;
        state.Title = plan.Title;
        state.TeacherId = teacher.UserId;
        state.TeacherName = teacher.Name;
        state.Subject = plan.Subject;
        state.Grade = plan.Grade;
        state.StartsAt = plan.StartsAt;
        state.Status = ObservationStatuses.Scheduled;
        state.Rubric = plan.Rubric;
        state.CreatedBy = createdBy;
    }

    /// <summary>The observed teacher and the group leader conduct the lesson: its rubric, start, end and report.</summary>
    public void RequireConductor(string userId, string role)
    {
        if (!IsTeacher(userId) && role != GroupRoles.Leader)
        {
            throw CollabException.Forbidden("only the observed teacher or the group leader may do this");
        }
    }

    public RubricChangedEvent SetRubric(Rubric? rubric, string userId)
    {
        var valid = RubricRules.Validate(rubric ?? throw CollabException.Invalid("rubric is required"));
        if (state.Status != ObservationStatuses.Scheduled)
        {
            throw CollabException.Conflict("the rubric is fixed once the lesson has started");
        }
        state.Rubric = valid;
        return new RubricChangedEvent(valid, userId);
    }

    /// <summary>Whether Start has a change to make: not once live (a repeated Start is answered alike), refused once ended.</summary>
    public bool StartPending()
    {
        if (state.Status is ObservationStatuses.Ended or ObservationStatuses.Finalized)
        {
            throw CollabException.Conflict("the lesson has already ended");
        }
        return state.Status == ObservationStatuses.Scheduled;
    }

    public LessonStartedEvent Start(DateTimeOffset now, string userId)
    {
        state.Status = ObservationStatuses.Live;
        state.StartedAt = now;
        return new LessonStartedEvent(now, userId);
    }

    /// <summary>Whether End has a change to make: refused before the start, nothing to do once ended.</summary>
    public bool EndPending()
    {
        if (state.Status == ObservationStatuses.Scheduled)
        {
            throw CollabException.Conflict("the lesson has not started");
        }
        return state.Status == ObservationStatuses.Live;
    }

    public LessonEndedEvent End(DateTimeOffset now, string userId)
    {
        state.Status = ObservationStatuses.Ended;
        state.EndedAt = now;
        return new LessonEndedEvent(now, Offset(now), userId);
    }

    /// <summary>
    /// Validates a note of a live lesson and applies it through <see cref="Record"/>. It is the moment
    /// <paramref name="at"/> (now by default) within the lesson, at most <paramref name="perMinute"/> a minute per author.
    /// </summary>
    public NoteAddedEvent AddNote(Caller author, string text, DateTimeOffset? at, string visibility, DateTimeOffset now, int perMinute)
    {
        RequireLive("notes are taken while the lesson is live");
        if (!NoteVisibility.IsKnown(visibility))
        {
            throw CollabException.Invalid("visibility is public or private");
        }
        var body = TextFields.Required(text, "text", ObservationLimits.NoteLength, trim: false);
        var moment = NoteMoment(at, now);
        if (state.Notes.Count >= ObservationLimits.Notes)
        {
            throw CollabException.Conflict($"an observation holds at most {ObservationLimits.Notes} notes");
        }
        var minuteAgo = now - TimeSpan.FromMinutes(1);
        if (state.Notes.Count(n => n.UserId == author.UserId && n.WrittenAt > minuteAgo) >= perMinute)
        {
            throw new CollabException(ErrorCodes.RateLimited, $"at most {perMinute} notes a minute; slow down");
        }
        var note = new NoteAddedEvent($"n{state.NoteCount + 1}", author.UserId, author.Name, body, moment, Offset(moment), visibility);
        Record(note, now);
        return note;
    }

    /// <summary>The whole change a note makes, as it was added or as its event is replayed at activation.</summary>
    public void Record(NoteAddedEvent note, DateTimeOffset writtenAt)
    {
        state.NoteCount++;
        state.Notes.Add(new ObservationNote
        {
            Id = note.Id,
            UserId = note.UserId,
            Name = note.Name,
            Text = note.Text,
            At = note.At,
            OffsetSeconds = note.OffsetSeconds,
            Visibility = note.Visibility,
            WrittenAt = writtenAt,
        });
    }

    /// <summary>A private note's event goes to its author alone; a public one to everyone (null).</summary>
    public static string? AudienceOf(NoteAddedEvent note) => note.Visibility == NoteVisibility.Private ? note.UserId : null;

    public void RequireRater(string userId)
    {
        if (IsTeacher(userId))
        {
            throw CollabException.Forbidden("the observed teacher does not rate their own lesson");
        }
    }

    /// <summary>Stores the observer's rating, replacing their earlier one, from the start until the report is final.</summary>
    public RatingAccepted Rate(string userId, IReadOnlyDictionary<string, int> scores, string? comment, DateTimeOffset now)
    {
        if (state.Status == ObservationStatuses.Scheduled)
        {
            throw new CollabException(ErrorCodes.NotOpen, "rating opens when the lesson starts");
        }
        if (state.Status == ObservationStatuses.Finalized)
        {
            throw new CollabException(ErrorCodes.Closed, "the report is final; ratings can no longer change");
        }
        RubricMaths.ValidateScores(Rubric, scores);
        var remark = TextFields.Optional(comment, "comment", ObservationLimits.CommentLength);
        var rating = state.Ratings.Find(r => r.UserId == userId);
        var replaced = rating is not null;
        if (rating is null)
        {
            rating = new ObservationRating { UserId = userId };
            state.Ratings.Add(rating);
        }
        rating.Scores = new Dictionary<string, int>(scores);
        rating.Comment = remark;
        rating.RatedAt = now;
        state.RatingsUnpublished = true;
        return new RatingAccepted(now, replaced, RubricMaths.WeightedTotal(Rubric, rating.Scores));
    }

    /// <summary>A rating changed the aggregate since the last <c>ratings.updated</c>.</summary>
    public bool RatingsUnpublished => state.RatingsUnpublished;

    /// <summary>The aggregate as <c>ratings.updated</c> carries it, which from now on counts as sent.</summary>
    public RatingsUpdatedEvent PublishRatings()
    {
        state.RatingsUnpublished = false;
        return ObservationViews.Aggregate(Aggregate());
    }

    public RatingAggregate Aggregate() =>
        RubricMaths.Aggregate(Rubric, state.Ratings.Select(r => (IReadOnlyDictionary<string, int>)r.Scores).ToList());

    /// <summary>The teacher and the observers who follow, note or rate a live lesson are its report's observers.</summary>
    public bool IsNewObserver(string userId) => !IsTeacher(userId) && state.Observers.TrueForAll(o => o.UserId != userId);

    /// <summary>Lists the caller among the observers unless they are already (or are the teacher); true if it did.</summary>
    public bool RecordObserver(Caller caller)
    {
        if (!IsNewObserver(caller.UserId))
        {
            return false;
        }
        state.Observers.Add(new Observer(caller.UserId, caller.Name, caller.School, caller.County));
        return true;
    }

    /// <summary>Whether finalizing has a change to make: refused before the end, nothing to do once final.</summary>
    public bool FinalizePending()
    {
        if (state.Status is ObservationStatuses.Scheduled or ObservationStatuses.Live)
        {
            throw CollabException.Conflict("the report is finalized after the lesson has ended");
        }
        return state.Status == ObservationStatuses.Ended;
    }

    /// <summary>An ended lesson's report finalizes by itself once <paramref name="after"/> has passed since the end.</summary>
    public bool FinalizesBy(DateTimeOffset now, TimeSpan after) => state.Status == ObservationStatuses.Ended && now >= state.EndedAt + after;

    /// <summary>Closes ratings; <paramref name="userId"/> is null when the report finalized by itself.</summary>
    public ReportReadyEvent Finalize(DateTimeOffset now, string? userId)
    {
        state.Status = ObservationStatuses.Finalized;
        state.FinalizedAt = now;
        var aggregate = Aggregate();
        return new ReportReadyEvent(now, aggregate.Count, aggregate.WeightedTotal, userId);
    }

    public void RequireReportOpen()
    {
        if (state.Status is ObservationStatuses.Scheduled or ObservationStatuses.Live)
        {
            throw new CollabException(ErrorCodes.NotOpen, "the report opens when the lesson has ended");
        }
    }

    /// <summary>The evaluation: the aggregate, the public notes, the observers' comments and where the observers came from.</summary>
    public ObservationReport Report() => ObservationViews.Report(id, state, Aggregate());

    /// <summary>The lesson as this user may see it: the notes they see, their own rating only, and the aggregate.</summary>
    public object Snapshot(string userId, IReadOnlyList<string> online) => ObservationViews.Snapshot(id, state, Aggregate(), userId, online);

    /// <summary>The notes this user sees, in lesson order: the public ones and their own private ones.</summary>
    public IReadOnlyList<NoteAddedEvent> NotesSeenBy(string userId) => ObservationViews.NotesSeenBy(state, userId);

    public ObservationInfo Info() =>
        new(id, GroupId, state.Title, state.TeacherId, state.Subject, state.Grade, state.StartsAt, state.Status, Rubric);

    public LessonTimes Times() => new(state.Status, state.StartedAt, state.EndedAt);

    public static CollabException NotMember(string groupId) =>
        new(ErrorCodes.NotMember, $"you are not a member of group {groupId}");

    /// <summary>The moment a note is about: now by default, else a moment from Start up to now (a little ahead is taken as now).</summary>
    private DateTimeOffset NoteMoment(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return now;
        }
        var moment = WireTime.Truncate(at.Value.ToUniversalTime());
        if (moment < state.StartedAt || moment > now + ObservationLimits.NoteClockTolerance)
        {
            throw CollabException.Invalid($"a note's time lies within the lesson, from {state.StartedAt:O} to now");
        }
        return moment > now ? now : moment;
    }

    private int Offset(DateTimeOffset moment) => (int)Math.Floor((moment - state.StartedAt!.Value).TotalSeconds);

    private void RequireLive(string why)
    {
        if (state.Status == ObservationStatuses.Live)
        {
            return;
        }
        throw state.Status == ObservationStatuses.Scheduled
            ? new CollabException(ErrorCodes.NotOpen, $"the lesson has not started; {why}")
            : new CollabException(ErrorCodes.Closed, $"the lesson has ended; {why}");
    }
}
