using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;

namespace Collab.Grains.Tutoring;

/// <summary>
/// The rules of one tutoring room over its state (PROTOCOL §4): who may do what (the tutor, a waiting student, the
/// admitted one), the fair queue, admission, the session's slot, extension and deadlines, its board and chat within
/// their bounds, notes, and the history a finished session leaves. Pure: it is told the time and the caller, validates
/// before it changes anything, and returns the events to send; the grain stores, emits, schedules and calls other
/// grains around it. Its board is <see cref="SessionBoard"/> and what is said <see cref="RoomMessages"/>; a stroke and a
/// chat line are applied by their <c>Record</c> both when they are sent and when activation replays them (<see cref="Replay"/>),
/// so the two cannot differ.
/// </summary>
public sealed class TutoringRoomDocument(string id, TutoringRoomState state, SessionRules rules)
{
    public bool Exists => state.Info is not null;

    public TutoringRoomInfo Info => state.Info ?? throw CollabException.NotFound($"tutoring room {id}");

    public TutoringSession? Session => state.Session;

    public TutoringQueue Queue => new(state.Queue, TutoringLimits.QueueCapacity);

    /// <summary>The running session's whiteboard.</summary>
    public SessionBoard Board => new(id, state, this);

    /// <summary>The session's chat and the tutor's messages to the queue.</summary>
    public RoomMessages Messages => new(id, state, this);

    /// <summary>Those who hear of the running session: its tutor and its admitted student.</summary>
    public IReadOnlyList<string> Participants =>
        [Info.TutorId, (state.Session ?? throw CollabException.Conflict("no session is running")).StudentId];

    public void Create(TutoringRoomInfo info) => state.Info = info;

    public void RequireTutor(Caller caller)
    {
        if (caller.UserId != Info.TutorId)
        {
            throw CollabException.Forbidden($"only the tutor of room {id} may do this");
        }
    }

    public void RequireOpen()
    {
        if (!Info.Open)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"tutoring room {id} is not open");
        }
    }

    /// <summary>The running session, when the caller is its tutor or its admitted student.</summary>
    public TutoringSession RequireParticipant(Caller caller)
    {
        var room = Info;
        var session = state.Session;
        if (session is not null && (caller.UserId == room.TutorId || caller.UserId == session.StudentId))
        {
            return session;
        }
        if (caller.UserId == room.TutorId)
        {
            throw CollabException.Conflict("no session is running");
        }
        throw new CollabException(ErrorCodes.NotAdmitted, $"you are not the admitted student of room {id}");
    }

    /// <summary>
    /// Those who share the room's worksheets: its tutor, an admin, the admitted student, and the students of its kept
    /// finished sessions (who look at what they were given afterwards). Waiting students are not yet among them.
    /// </summary>
    public void RequireFileSharer(Caller caller)
    {
        var room = Info;
        if (caller.UserId == room.TutorId || caller.IsAdmin || state.Session?.StudentId == caller.UserId
            || state.History.Any(session => session.StudentId == caller.UserId))
        {
            return;
        }
        throw new CollabException(ErrorCodes.NotAdmitted, $"only the tutor of room {id} and the students it tutors share its files");
    }

    /// <summary>Whether the tutor's open or close has a change to make: a repeated one is answered alike and changes nothing.</summary>
    public bool WouldChange(Caller caller, bool open)
    {
        RequireTutor(caller);
        return Info.Open != open;
    }

    public bool IsWaiting(string studentId)
    {
        _ = Info;
        return Queue.PositionOf(studentId) is not null;
    }

    public RoomOpenedEvent Open()
    {
        state.Info = Info with { Open = true };
        state.ListingVersion++;
        return new RoomOpenedEvent(id);
    }

    /// <summary>The running session, if any, ends as the room closes (<c>room_closed</c>).</summary>
    public SessionEnd? EndForClosing(DateTimeOffset now) => state.Session is null ? null : EndSession(SessionEndReasons.RoomClosed, now);

    /// <summary>Closes the room, its queue emptied; a running session is ended first (<see cref="EndForClosing"/>).</summary>
    public RoomClosedEvent Close()
    {
        Queue.Clear();
        state.Info = Info with { Open = false };
        state.ListingVersion++;
        return new RoomClosedEvent(id);
    }

    /// <summary>A student asks for help: queued at the back, or where an earlier request already is.</summary>
    public int RequestHelp(Caller caller, string topic, DateTimeOffset now)
    {
        RequireOpen();
        if (caller.Role != Roles.Student)
        {
            throw CollabException.Forbidden("only students ask for help in a tutoring room");
        }
        if (state.Session?.StudentId == caller.UserId)
        {
            throw CollabException.Conflict("you are in a session in this room now");
        }
        var text = TextFields.Required(topic, "topic", TutoringLimits.TopicLength);
        var queue = Queue;
        var length = queue.Count;
        var position = queue.Request(new QueueEntry(caller.UserId, caller.Name, text, now));
        if (queue.Count != length)
        {
            state.ListingVersion++;
        }
        return position;
    }

    /// <summary>Removes the student's request; false when they were not waiting, which changes nothing.</summary>
    public bool CancelRequest(string studentId)
    {
        _ = Info;
        if (!Queue.Cancel(studentId))
        {
            return false;
        }
        state.ListingVersion++;
        return true;
    }

    /// <summary>Refuses an admission the room cannot make now, before anything (the slot's reminder) is armed for it.</summary>
    public TimeSpan CheckAdmission(Caller caller)
    {
        RequireTutor(caller);
        RequireOpen();
        if (state.Session is not null)
        {
            throw CollabException.Conflict("a session is running; end it before admitting the next student");
        }
        if (state.Queue.Count == 0)
        {
            throw CollabException.Conflict("nobody is waiting");
        }
        return TimeSpan.FromMinutes(Info.SlotMinutes);
    }

    /// <summary>Starts a session of one slot with the student at the head of the queue.</summary>
    public SessionStartedEvent AdmitNext(Caller caller, DateTimeOffset now, Func<string, bool> isOnline)
    {
        var slot = CheckAdmission(caller);
        var next = Queue.TakeNext()!;
        state.SessionCount++;
        var session = new TutoringSession
        {
            SessionId = $"s{state.SessionCount}",
            StudentId = next.StudentId,
            StudentName = next.Name,
            Topic = next.Topic,
            StartedAt = now,
            EndsAt = now + slot,
            StudentSeenAt = isOnline(next.StudentId) ? now : null,
        };
        state.Session = session;
        state.ListingVersion++;
        return new SessionStartedEvent(session.SessionId, session.StudentId, session.StudentName, session.Topic, session.StartedAt, session.EndsAt);
    }

    /// <summary>The tutor gives the running session more minutes, up to its longest length.</summary>
    public SessionExtendedEvent Extend(Caller caller, int minutes)
    {
        RequireTutor(caller);
        var session = state.Session ?? throw CollabException.Conflict("no session is running");
        if (minutes is < 1 or > TutoringLimits.MaxExtendMinutes)
        {
            throw CollabException.Invalid($"minutes is between 1 and {TutoringLimits.MaxExtendMinutes}");
        }
        var endsAt = session.EndsAt + TimeSpan.FromMinutes(minutes);
        if (endsAt - session.StartedAt > TimeSpan.FromMinutes(TutoringLimits.MaxSessionMinutes))
        {
            throw CollabException.Conflict($"a session lasts at most {TutoringLimits.MaxSessionMinutes} minutes");
        }
        session.EndsAt = endsAt;
        return new SessionExtendedEvent(session.SessionId, endsAt);
    }

    /// <summary>Ends the session at a participant's request, the reason saying which side ended it.</summary>
    public SessionEnd EndByParticipant(Caller caller, DateTimeOffset now)
    {
        var session = RequireParticipant(caller);
        return EndSession(caller.UserId == session.StudentId ? SessionEndReasons.Student : SessionEndReasons.Tutor, now);
    }

    /// <summary>Applies a logged event (a stroke or a chat line) as activation replays it.</summary>
    public void Replay(string type, string dataJson)
    {
        if (type == StrokeDrawnEvent.Type)
        {
            Board.Record(LiveJson.Deserialize<StrokeDrawnEvent>(dataJson));
        }
        else
        {
            Messages.Record(LiveJson.Deserialize<ChatPostedEvent>(dataJson));
        }
    }

    /// <summary>
    /// The tutor's notes go on the running session, or else on the last finished one, whose changed record is
    /// returned (the student's list keeps a copy of it).
    /// </summary>
    public (string SessionId, TutoringSessionRecord? Finished) SaveNotes(Caller caller, string text)
    {
        RequireTutor(caller);
        var notes = TextFields.Optional(text, "notes", TutoringLimits.NotesLength);
        if (state.Session is { } session)
        {
            session.Notes = notes;
            return (session.SessionId, null);
        }
        var last = state.History.Count > 0 ? state.History[^1] : throw CollabException.Conflict("no session to write notes for yet");
        var updated = last with { Notes = notes };
        state.History[^1] = updated;
        return (updated.SessionId, updated);
    }

    /// <summary>Finished sessions, the latest first; the tutor's (and an administrator's) to read.</summary>
    public IReadOnlyList<TutoringSessionRecord> History(Caller caller)
    {
        if (caller.UserId != Info.TutorId && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the tutor of room {id} sees its sessions");
        }
        return state.History.AsEnumerable().Reverse().ToList();
    }

    /// <summary>Notes that the admitted student is connected; false when that was already known.</summary>
    public bool MarkStudentSeen(DateTimeOffset now)
    {
        if (state.Session is not { StudentSeenAt: null } session)
        {
            return false;
        }
        session.StudentSeenAt = now;
        return true;
    }

    /// <summary>What the running session's deadlines call for now, the student offline since <paramref name="offlineSince"/>.</summary>
    public SessionDue Due(DateTimeOffset now, DateTimeOffset? offlineSince) =>
        state.Session is not { } session
            ? SessionDue.Nothing
            : rules.Decide(new SessionClock(session.StartedAt, session.EndsAt, session.StudentSeenAt, offlineSince, session.WarnedForEndsAt), now);

    /// <summary>The one warning for the session's current end.</summary>
    public SessionWarningEvent Warn(DateTimeOffset now)
    {
        var session = state.Session ?? throw new InvalidOperationException($"room {id} warns outside a session");
        session.WarnedForEndsAt = session.EndsAt;
        var secondsLeft = (int)Math.Max(0, Math.Ceiling((session.EndsAt - now).TotalSeconds));
        return new SessionWarningEvent(session.SessionId, session.EndsAt, secondsLeft);
    }

    /// <summary>Ends the session as its deadline <paramref name="due"/> says.</summary>
    public SessionEnd EndAsDue(SessionDue due, DateTimeOffset now) => EndSession(due switch
    {
        SessionDue.NoShow => SessionEndReasons.NoShow,
        SessionDue.Disconnected => SessionEndReasons.Disconnected,
        SessionDue.TimeUp => SessionEndReasons.TimeUp,
        _ => throw new ArgumentOutOfRangeException(nameof(due), due, "no session ends for this"),
    }, now);

    private SessionEnd EndSession(string reason, DateTimeOffset now)
    {
        var room = Info;
        var session = state.Session ?? throw CollabException.Conflict("no session is running");
        var audience = Participants;
        var record = new TutoringSessionRecord(session.SessionId, id, room.Title, room.Subject, room.TutorId, room.TutorName,
            session.StudentId, session.StudentName, session.Topic, session.StartedAt, now, reason, session.Notes,
            session.StrokesDrawn, session.Chat.Count);
        state.History.Add(record);
        if (state.History.Count > TutoringLimits.HistoryKept)
        {
            state.History.RemoveAt(0);
        }
        state.Session = null;
        state.ListingVersion++;
        Board.DropPointsFromRetainedEvents();
        return new SessionEnd(record, new SessionEndedEvent(session.SessionId, session.StudentId, reason, now), audience);
    }
}
