using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;

namespace Collab.Grains.Exams;

/// <summary>
/// The proctors' side of one exam (PROTOCOL §5 and §7) over its state: announcements, actions on candidates and their
/// irregularity log, accommodations, and what each caller sees and hears live — a room's proctors their rooms alone
/// (<see cref="ExamSeating"/>), the author and admins every room. Pure, like <see cref="ExamDocument"/>, whose access
/// rules and seating it uses: it is told the time and the proctor's board, and returns the events to send.
/// </summary>
public sealed class ExamProctoring(string id, ExamState state, ExamDocument document)
{
    /// <summary>
    /// An announcement to everyone (only the author or an admin), or to one room: the one named, which a room's proctor
    /// must proctor, or a room proctor's only room.
    /// </summary>
    public AnnouncementMade Announce(ProctorScope scope, string text, string? roomId, DateTimeOffset now)
    {
        var body = TextFields.Required(text, "text", ProctoringLimits.AnnouncementLength);
        if (string.IsNullOrEmpty(roomId) && !scope.All)
        {
            roomId = scope.RoomIds.Count == 1
                ? scope.RoomIds.Single()
                : throw CollabException.Invalid("you proctor several rooms; name the room (roomId) to announce to");
        }
        if (!string.IsNullOrEmpty(roomId))
        {
            if (document.Seating.Room(roomId) is null)
            {
                throw scope.All ? CollabException.NotFound($"room {roomId} of exam {id}") : CollabException.Forbidden($"you do not proctor room {roomId}");
            }
            if (!scope.Covers(roomId))
            {
                throw CollabException.Forbidden($"you do not proctor room {roomId}");
            }
        }
        if (state.Announcements.Count >= ProctoringLimits.Announcements)
        {
            throw CollabException.Conflict($"exam {id} has {ProctoringLimits.Announcements} announcements already");
        }
        var announcement = new AnnouncementMade(body, now, string.IsNullOrEmpty(roomId) ? null : roomId);
        state.Announcements.Add(announcement);
        return announcement;
    }

    /// <summary>
    /// Checks a proctor's action on a candidate before the attempt is asked to apply it: a known kind, a candidate on
    /// the roster, extra time within bounds, a cause within bounds, room in the log. Returns the trimmed cause.
    /// </summary>
    public string ValidateAction(ProctorAction action)
    {
        if (!ProctorAction.IsKnown(action.Kind))
        {
            throw CollabException.Invalid("a proctor's action is pause, resume, extend or submit");
        }
        if (!document.OnRoster(action.StudentId ?? ""))
        {
            throw CollabException.NotFound($"student {action.StudentId} on the roster of exam {id}");
        }
        if (action.Kind == ProctorAction.Extend && action.Minutes is < 1 or > ProctoringLimits.ExtensionMinutesMax)
        {
            throw CollabException.Invalid($"extra time is 1 to {ProctoringLimits.ExtensionMinutesMax} minutes");
        }
        // Extra time and a pause change a candidate's clock; the log must say why, for the appeal that may follow.
        var cause = action.Kind is ProctorAction.Extend or ProctorAction.Pause
            ? TextFields.Required(action.Cause, "reason", ProctoringLimits.CauseLength)
            : TextFields.Optional(action.Cause, "reason", ProctoringLimits.CauseLength);
        if (state.Irregularities.Count >= ProctoringLimits.Irregularities)
        {
            throw CollabException.Conflict($"exam {id} has {ProctoringLimits.Irregularities} recorded irregularities already");
        }
        return cause;
    }

    /// <summary>An accommodation is set once the roster is fixed (published), for a rostered student, within bounds.</summary>
    public void ValidateAccommodation(string studentId, int extraMinutes)
    {
        document.RequirePublished();
        if (!document.OnRoster(studentId ?? ""))
        {
            throw CollabException.NotFound($"student {studentId} on the roster of exam {id}");
        }
        if (extraMinutes is < 0 or > ExamLimits.AccommodationMinutesMax)
        {
            throw CollabException.Invalid($"extraMinutes is 0 to {ExamLimits.AccommodationMinutesMax}");
        }
    }

    /// <summary>Keeps the accommodation the attempt has applied, with who set it; 0 minutes removes it.</summary>
    public void Accommodate(string studentId, int extraMinutes, string byUserId, DateTimeOffset now)
    {
        if (extraMinutes == 0)
        {
            state.Accommodations.Remove(studentId);
        }
        else
        {
            state.Accommodations[studentId] = new Accommodation(studentId, extraMinutes, byUserId, now);
        }
    }

    /// <summary>A candidate's roster line with the room they sit in and their accommodation, which the exam knows and the attempt does not report.</summary>
    public CandidateProgress Line(CandidateProgress progress) => progress with
    {
        RoomId = document.Seating.RoomIdOf(progress.StudentId),
        AccommodationMinutes = state.Accommodations.GetValueOrDefault(progress.StudentId)?.ExtraMinutes ?? 0,
    };

    /// <summary>Logs an action the attempt has applied; only extra time carries minutes.</summary>
    public IrregularityRecordedEvent Record(ProctorAction action, string cause, string byUserId, DateTimeOffset now)
    {
        var entry = new Irregularity(now, action.StudentId, action.Kind, action.Kind == ProctorAction.Extend ? action.Minutes : 0, cause, byUserId);
        state.Irregularities.Add(entry);
        return IrregularityRecordedEvent.Of(entry);
    }

    /// <summary>
    /// A candidate's snapshot: the exam and the announcements to everyone and to their room; a proctor's adds the rooms
    /// and the lines and counts of the candidates in their scope.
    /// </summary>
    public object Snapshot(Caller caller, DateTimeOffset now, ProctorBoard board)
    {
        var scope = document.ScopeOf(caller);
        var exam = new
        {
            id,
            title = document.Spec.Title,
            subject = document.Spec.Subject,
            status = document.Status(now, board),
            opensAt = document.Spec.OpensAt,
            durationMinutes = document.Spec.DurationMinutes,
            lateJoinMinutes = document.Spec.LateJoinMinutes,
            serverNow = now,
        };
        if (scope is null)
        {
            var room = document.Seating.RoomIdOf(caller.UserId);
            return new { exam, announcements = state.Announcements.Where(a => a.RoomId is null || a.RoomId == room) };
        }
        var students = document.Spec.Roster.Where(studentId => scope.Covers(document.Seating.RoomIdOf(studentId))).Select(studentId => Line(board.ProgressOf(studentId))).ToList();
        var rooms = document.Seating.Rooms.Where(r => scope.Covers(r.Id)).Select(r => new { id = r.Id, name = r.Name, proctorIds = r.ProctorIds, students = r.StudentIds.Count });
        return new
        {
            exam,
            announcements = state.Announcements.Where(a => a.RoomId is null || scope.Covers(a.RoomId)),
            students,
            counts = ProctorBoard.Counts(students),
            rooms,
            allRooms = scope.All,
        };
    }

    /// <summary>
    /// The audience groups of a caller: the author and admins hear every proctors' event and every room; a room's
    /// proctor their rooms' proctors' events and announcements; a student their room's announcements.
    /// </summary>
    public IReadOnlyList<string> AudienceGroupsOf(Caller caller)
    {
        if (document.ScopeOf(caller) is not { } scope)
        {
            return document.Seating.RoomIdOf(caller.UserId) is { } seat ? [ExamSeating.RoomGroup(seat)] : [];
        }
        return scope.All
            ? [ExamSeating.AllProctors, .. document.Seating.Rooms.Select(room => ExamSeating.RoomGroup(room.Id))]
            : [.. scope.RoomIds.Select(ExamSeating.ProctorsOf), .. scope.RoomIds.Select(ExamSeating.RoomGroup)];
    }

    /// <summary>
    /// The changed lines for the author and admins as they are, and for each room with changes its own lines and counts,
    /// for the audience group each goes to.
    /// </summary>
    public IReadOnlyList<(ProgressUpdatedEvent Event, string Group)> ProgressEvents(ProgressUpdatedEvent changes, ProctorBoard board)
    {
        var lines = changes.Students.Select(Line).ToList();
        var events = new List<(ProgressUpdatedEvent, string)> { (changes with { Students = lines }, ExamSeating.AllProctors) };
        foreach (var byRoom in lines.Where(line => line.RoomId is not null).GroupBy(line => line.RoomId!))
        {
            var room = document.Seating.Room(byRoom.Key)!;
            events.Add((new ProgressUpdatedEvent(byRoom.ToList(), ProctorBoard.Counts(room.StudentIds.Select(board.ProgressOf))), ExamSeating.ProctorsOf(room.Id)));
        }
        return events;
    }
}
