using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Events;

namespace Collab.Grains.Exams;

/// <summary>
/// The rules of one exam session over its state (PROTOCOL §5): who creates, edits, proctors, marks and sits it; the
/// paper and schedule fixed at publishing; the status draft → published → open → closed → results published (closed
/// when every candidate has submitted, or nobody may start any more and nobody heard of is still writing). Pure: it is
/// told the time and the proctor's board; the grain stores its changes and talks to the attempts.
/// Rooms (PROTOCOL §7, <see cref="ExamSeating"/>) give their proctors the candidates of their rooms alone (<see cref="ScopeOf"/>);
/// what proctors do and see is <see cref="ExamProctoring"/>'s.
/// </summary>
public sealed class ExamDocument(string id, ExamState state)
{
    private HashSet<string>? _roster;
    private ExamSeating? _seating;

    public bool Exists => state.Spec is not null;

    public ExamSpec Spec => state.Spec ?? throw CollabException.NotFound($"exam {id}");

    public bool IsPublished => state.PublishedAt is not null;

    public bool ResultsPublished => state.ResultsPublishedAt is not null;

    public IReadOnlyList<AnnouncementMade> Announcements => state.Announcements;

    public IReadOnlyList<Irregularity> Irregularities => state.Irregularities;

    private HashSet<string> Roster => _roster ??= new HashSet<string>(Spec.Roster, StringComparer.Ordinal);

    public ExamSeating Seating => _seating ??= new ExamSeating(Spec.Rooms ?? []);

    public IReadOnlyDictionary<string, Accommodation> Accommodations => state.Accommodations;

    public bool OnRoster(string userId) => Roster.Contains(userId);

    /// <summary>Published and not yet open: the time to draw every candidate's order ahead of the opening second.</summary>
    public bool BeforeOpening(DateTimeOffset now) => IsPublished && now < Spec.OpensAt;

    public string Status(DateTimeOffset now, ProctorBoard board) =>
        state.ResultsPublishedAt is not null ? ExamStatuses.ResultsPublished
        : state.PublishedAt is null ? ExamStatuses.Draft
        : now < Spec.OpensAt ? ExamStatuses.Published
        : IsOver(now, board) ? ExamStatuses.Closed
        : ExamStatuses.Open;

    /// <summary>The author and admins proctor an exam: its roster view, actions, log and results.</summary>
    public bool IsProctor(Caller caller) => caller.UserId == state.CreatedBy || caller.IsAdmin;

    /// <summary>The author and admins oversee every candidate, a room's proctors their rooms' students; anyone else nothing (null).</summary>
    public ProctorScope? ScopeOf(Caller caller)
    {
        if (IsProctor(caller))
        {
            return ProctorScope.Everyone;
        }
        var rooms = Seating.RoomsProctoredBy(caller.UserId);
        return rooms.Count == 0 ? null : new ProctorScope(false, rooms.ToHashSet(StringComparer.Ordinal));
    }

    public ProctorScope RequireScope(Caller caller)
    {
        _ = Spec;
        return ScopeOf(caller) ?? throw CollabException.Forbidden($"only the author of exam {id}, an admin or a proctor of one of its rooms may do this");
    }

    /// <summary>
    /// A proctor acts on a candidate of their rooms; a student outside them (or on no roster at all) is <c>forbidden</c>
    /// to a room's proctor, so the refusal says nothing of who sits elsewhere.
    /// </summary>
    public void RequireProctorOf(Caller caller, string studentId)
    {
        var scope = RequireScope(caller);
        if (!scope.Covers(Seating.RoomIdOf(studentId)))
        {
            throw CollabException.Forbidden($"student {studentId} does not sit in a room you proctor");
        }
    }

    public void RequireProctor(Caller caller)
    {
        _ = Spec;
        if (!IsProctor(caller))
        {
            throw CollabException.Forbidden($"only the author of exam {id} or an admin may do this");
        }
    }

    public void RequireAuthor(Caller caller)
    {
        _ = Spec;
        if (caller.UserId != state.CreatedBy && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the author of exam {id} may change it");
        }
    }

    /// <summary>
    /// The analysis, the audit log and key changes are the author's and admins' alone: a room's proctor sees a school's
    /// candidates, not the city's results, and cannot regrade them.
    /// </summary>
    public void RequireAnalyst(Caller caller)
    {
        _ = Spec;
        if (caller.UserId != state.CreatedBy && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the author of exam {id} or an admin may read its analysis or change its keys");
        }
    }

    /// <summary>An exam never created is <c>not_found</c>; only a draft is <c>not_open</c>.</summary>
    public void RequirePublished()
    {
        _ = Spec;
        if (state.PublishedAt is null)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"exam {id} is not published");
        }
    }

    public void RequireOnRoster(string userId)
    {
        if (!OnRoster(userId))
        {
            throw CollabException.Forbidden($"you are not on the roster of exam {id}");
        }
    }

    /// <summary>A candidate joins a published exam they are on the roster of; a proctor joins any.</summary>
    public void RequireCandidate(string userId)
    {
        _ = Spec;
        if (state.PublishedAt is null || !OnRoster(userId))
        {
            throw CollabException.Forbidden($"you are not on the roster of exam {id}");
        }
    }

    /// <summary>Teachers and admins create exams, each id once.</summary>
    public void RequireCreatable(Caller caller)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers create exams");
        }
        if (Exists)
        {
            throw CollabException.Conflict($"exam {id} already exists");
        }
    }

    public void Create(ExamSpec spec, string createdBy, DateTimeOffset now)
    {
        state.Spec = spec;
        state.CreatedBy = createdBy;
        state.CreatedAt = now;
        _roster = null;
        _seating = null;
    }

    /// <summary>Its author changes a draft; once published, paper and schedule stay as the candidates were told.</summary>
    public void RequireEditable(Caller caller)
    {
        RequireAuthor(caller);
        if (IsPublished)
        {
            throw CollabException.Conflict($"exam {id} is published; its paper and schedule can no longer change");
        }
    }

    public void Update(ExamSpec spec)
    {
        state.Spec = spec;
        _roster = null;
        _seating = null;
    }

    /// <summary>Whether a publish has anything to do; refused once no candidate could start any more.</summary>
    public bool PublishPending(DateTimeOffset now)
    {
        if (IsPublished)
        {
            return false;
        }
        if (now >= Spec.OpensAt + TimeSpan.FromMinutes(Spec.LateJoinMinutes))
        {
            throw CollabException.Invalid("opensAt (plus the late-join minutes) has passed; move the exam to a later time before publishing");
        }
        return true;
    }

    /// <summary>Publishes with the roster resolved from the directory (<see cref="ExamRosters"/>), kept from now on.</summary>
    public ExamPublishedEvent Publish(DateTimeOffset now, ExamRosters.Resolved roster)
    {
        state.Spec = Spec with { Roster = roster.Roster };
        state.RosterNames = roster.Names;
        state.Placements = roster.Placements;
        state.Spec = state.Spec with { Rooms = roster.Rooms };
        _roster = null;
        _seating = null;
        state.PublishedAt = now;
        return new ExamPublishedEvent(Spec.OpensAt, Spec.DurationMinutes);
    }

    /// <summary>Results are published once, and only when the exam is closed.</summary>
    public bool ResultsPending(DateTimeOffset now, ProctorBoard board)
    {
        if (ResultsPublished)
        {
            return false;
        }
        if (Status(now, board) != ExamStatuses.Closed)
        {
            throw CollabException.Conflict($"exam {id} is still running; results are published once every candidate has finished");
        }
        return true;
    }

    public ResultsPublishedEvent PublishResults(DateTimeOffset now)
    {
        state.ResultsPublishedAt = now;
        return new ResultsPublishedEvent(now);
    }

    /// <summary>A candidate sees their own result once the results are published.</summary>
    public void RequireResultOf(string userId)
    {
        _ = Spec;
        RequireOnRoster(userId);
        if (!ResultsPublished)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"the results of exam {id} are not published yet");
        }
    }

    /// <summary>Proctors and the exam's markers mark its short answers, once it is published; objective ones grade themselves.</summary>
    public PaperQuestion MarkableQuestion(Caller caller, string questionId)
    {
        _ = Spec;
        if (!IsProctor(caller) && !(Spec.Markers ?? []).Contains(caller.UserId))
        {
            throw CollabException.Forbidden($"only the author of exam {id}, its markers or an admin mark it");
        }
        RequirePublished();
        var question = Spec.Questions.FirstOrDefault(q => q.Id == questionId)
            ?? throw CollabException.NotFound($"question {questionId} of exam {id}");
        if (QuestionKinds.IsObjective(question.Kind))
        {
            throw CollabException.Invalid($"question {questionId} is graded automatically; only short answers are marked");
        }
        return question;
    }

    /// <summary>The short-answer questions, which marking settles.</summary>
    public IEnumerable<PaperQuestion> MarkedQuestions => Spec.Questions.Where(q => !QuestionKinds.IsObjective(q.Kind));

    public CandidatePlan Plan(string studentId) =>
        new(id, state.CreatedBy, Spec.OpensAt, Spec.DurationMinutes, Spec.LateJoinMinutes, Spec.ShuffleQuestions, Spec.ShuffleOptions, Spec.Marking,
            state.RosterNames.GetValueOrDefault(studentId));

    /// <summary>The roster's name of a student, as the directory gave it at publishing; their id when it held none.</summary>
    public string NameOf(string studentId) => state.RosterNames.GetValueOrDefault(studentId) ?? studentId;

    public ExamView View(DateTimeOffset now, ProctorBoard board) =>
        new(id, Status(now, board), state.CreatedBy, Spec, state.PublishedAt, Grader.MaxScore(Spec.Questions), now);

    public ExamSummary Summary(DateTimeOffset now, ProctorBoard board) =>
        new(id, Spec.Title, Spec.Subject, Status(now, board), Spec.OpensAt, Spec.DurationMinutes, Spec.Questions.Count, Spec.Roster.Count, state.CreatedAt);

    public CandidateExam? CandidateExam(string studentId, DateTimeOffset now)
    {
        if (state.PublishedAt is null || !OnRoster(studentId))
        {
            return null;
        }
        var joinClosesAt = Spec.OpensAt + TimeSpan.FromMinutes(Spec.LateJoinMinutes);
        var status = ResultsPublished ? ExamStatuses.ResultsPublished
            : now < Spec.OpensAt ? ExamStatuses.Published
            : now < joinClosesAt ? ExamStatuses.Open
            : ExamStatuses.Closed;
        return new CandidateExam(id, Spec.Title, Spec.Subject, status, Spec.OpensAt, Spec.DurationMinutes, joinClosesAt);
    }

    /// <summary>Every candidate has submitted, or nobody may start any more and nobody heard of is still writing.</summary>
    private bool IsOver(DateTimeOffset now, ProctorBoard board) =>
        board.AllSubmitted(Roster.Count)
        || (now >= Spec.OpensAt + TimeSpan.FromMinutes(Spec.LateJoinMinutes + Spec.DurationMinutes) && board.NoneWriting);
}
