using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Classrooms.Events;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Classrooms;

/// <summary>
/// The rules of a 1+X classroom (PROTOCOL §8) over its state, with no Orleans in it: who may do what, the lesson's
/// and each question's status, answers and counts, and the tally. Every change validates first and changes nothing
/// when it refuses; it returns the events the change emits.
/// </summary>
public sealed class ClassroomDocument(string id, ClassroomState state)
{
    public bool Exists => state.Info is not null;

    public ClassroomInfo Info => state.Info ?? throw CollabException.NotFound($"classroom {id}");

    public PushedQuestion? Current => state.Questions.Count == 0 ? null : state.Questions[^1];

    public bool TallyUnpublished => state.TallyUnpublished;

    public void Create(ClassroomSetup.Built built)
    {
        if (Exists)
        {
            throw CollabException.Conflict($"classroom {id} already exists");
        }
        state.Info = built.Info;
        state.StudentClasses = built.StudentClasses;
        state.ClassTeachers = built.ClassTeachers;
    }

    public bool IsHost(string userId) => Info.HostId == userId;

    /// <summary>The host and every teacher of the classroom's classes: they see the tally and the presence of classes.</summary>
    public bool IsStaff(string userId) => IsHost(userId) || state.ClassTeachers.Values.Any(teachers => teachers.Contains(userId));

    public string? ClassOf(string studentId) => state.StudentClasses.GetValueOrDefault(studentId);

    public IEnumerable<string> StudentsOf(string classId) =>
        state.StudentClasses.Where(entry => entry.Value == classId).Select(entry => entry.Key);

    /// <summary>Host, teachers, students and admins follow a classroom; anyone else is refused.</summary>
    public void RequireViewer(Caller caller)
    {
        _ = Info;
        if (!caller.IsAdmin && !IsStaff(caller.UserId) && ClassOf(caller.UserId) is null)
        {
            throw CollabException.Forbidden($"you are not in a class of classroom {id}");
        }
    }

    public void RequireReader(Caller caller)
    {
        _ = Info;
        if (!caller.IsAdmin && !IsStaff(caller.UserId))
        {
            throw CollabException.Forbidden("only the host, the classes' teachers and admins read the report");
        }
    }

    public bool WouldStart(Caller caller)
    {
        RequireHost(caller);
        return Info.Status switch
        {
            ClassroomStatuses.Scheduled => true,
            ClassroomStatuses.Live => false,
            _ => throw new CollabException(ErrorCodes.Closed, $"classroom {id} has ended"),
        };
    }

    public ClassroomStartedEvent Start(DateTimeOffset now)
    {
        state.Info = Info with { Status = ClassroomStatuses.Live };
        return new ClassroomStartedEvent(now);
    }

    public bool WouldEnd(Caller caller)
    {
        RequireHost(caller);
        return Info.Status != ClassroomStatuses.Ended;
    }

    /// <summary>Ends the lesson; a question still open closes with it (its close event first).</summary>
    public (QuestionClosedEvent? Closed, ClassroomEndedEvent Ended) End(DateTimeOffset now)
    {
        var closed = CloseCurrent(now);
        state.Info = Info with { Status = ClassroomStatuses.Ended };
        return (closed, new ClassroomEndedEvent(now));
    }

    public Interfaces.Exams.PaperQuestion CheckPush(Caller caller, string questionJson)
    {
        RequireHost(caller);
        RequireLive();
        var question = ClassroomQuestions.Parse(questionJson);
        if (state.Questions.Any(pushed => pushed.Question.Id == question.Id))
        {
            throw CollabException.Conflict($"question {question.Id} was pushed already; give a new question a new id");
        }
        if (state.Questions.Count >= ClassroomLimits.Questions)
        {
            throw CollabException.TooLarge($"a classroom asks at most {ClassroomLimits.Questions} questions");
        }
        return question;
    }

    /// <summary>Makes the question current; the one before, if still open, closes first.</summary>
    public (QuestionClosedEvent? Closed, QuestionPushedEvent Pushed) Push(Interfaces.Exams.PaperQuestion question, DateTimeOffset now)
    {
        var closed = CloseCurrent(now);
        var pushed = new PushedQuestion { Question = question, PushedAt = now };
        state.Questions.Add(pushed);
        state.Info = Info with { QuestionCount = state.Questions.Count };
        state.TallyUnpublished = false;
        return (closed, new QuestionPushedEvent(ClassroomQuestions.View(pushed), now));
    }

    public AnswerRecordedEvent Answer(Caller caller, string questionId, string answerJson, DateTimeOffset now)
    {
        var classId = ClassOf(caller.UserId) ?? throw CollabException.Forbidden($"you are not a student of a class of classroom {id}");
        var pushed = OpenQuestion(questionId);
        var answer = ClassroomQuestions.ParseAnswer(pushed.Question, answerJson);
        var recorded = new AnswerRecordedEvent(questionId, caller.UserId, classId, ClassroomQuestions.AnswerJson(pushed.Question, answer), now);
        Record(recorded);
        return recorded;
    }

    /// <summary>Applies an answer as it was accepted; activation replays the event log's rows through here.</summary>
    public void Record(AnswerRecordedEvent recorded)
    {
        var pushed = Find(recorded.QuestionId);
        var answer = ClassroomQuestions.ParseAnswer(pushed.Question, recorded.Answer.GetRawText());
        pushed.Answers[recorded.StudentId] = new RecordedAnswer(recorded.ClassId, answer, ClassroomQuestions.IsCorrect(pushed.Question, answer), recorded.At);
        state.TallyUnpublished = true;
    }

    public TallySubmittedEvent SubmitTally(Caller caller, string questionId, string classId, IReadOnlyDictionary<string, int>? counts, DateTimeOffset now)
    {
        var teachers = state.ClassTeachers.GetValueOrDefault(classId ?? "") ?? throw CollabException.NotFound($"class {classId} in classroom {id}");
        if (!teachers.Contains(caller.UserId) && !(IsHost(caller.UserId) && classId == Info.HostClassId))
        {
            throw CollabException.Forbidden($"only a teacher of class {classId} counts its hands");
        }
        var pushed = OpenQuestion(questionId);
        TallyMaths.CheckCount(pushed.Question, counts);
        var submitted = new TallySubmittedEvent(questionId, classId!, new SortedDictionary<string, int>(counts!.ToDictionary(), StringComparer.Ordinal), caller.UserId, now);
        Record(submitted);
        return submitted;
    }

    public void Record(TallySubmittedEvent submitted)
    {
        Find(submitted.QuestionId).Counts[submitted.ClassId] = submitted.Counts.ToDictionary(StringComparer.Ordinal);
        state.TallyUnpublished = true;
    }

    public bool WouldClose(Caller caller, string questionId)
    {
        RequireHost(caller);
        return Find(questionId).Status == QuestionStatuses.Open;
    }

    public QuestionClosedEvent Close(string questionId, DateTimeOffset now)
    {
        Find(questionId).Status = QuestionStatuses.Closed;
        return new QuestionClosedEvent(questionId, now);
    }

    public bool WouldReveal(Caller caller, string questionId)
    {
        RequireHost(caller);
        return Find(questionId).Status != QuestionStatuses.Revealed;
    }

    /// <summary>Reveals the key to everyone, closing the question first if it is still open.</summary>
    public (QuestionClosedEvent? Closed, AnswerRevealedEvent Revealed) Reveal(string questionId, DateTimeOffset now)
    {
        var pushed = Find(questionId);
        var closed = pushed.Status == QuestionStatuses.Open ? Close(questionId, now) : null;
        pushed.Status = QuestionStatuses.Revealed;
        return (closed, new AnswerRevealedEvent(questionId, ClassroomQuestions.KeyJson(pushed.Question), TallyMaths.Total(Tally(pushed))));
    }

    /// <summary>The current question's tally for <c>tally.updated</c>; nothing is unpublished after it.</summary>
    public TallyUpdatedEvent? PublishTally()
    {
        state.TallyUnpublished = false;
        if (Current is not { } pushed)
        {
            return null;
        }
        var perClass = Tally(pushed);
        return new TallyUpdatedEvent(pushed.Question.Id, perClass, TallyMaths.Total(perClass));
    }

    /// <summary>Marks the tally published, as replaying a logged <c>tally.updated</c> must.</summary>
    public void TallyPublished() => state.TallyUnpublished = false;

    public IReadOnlyList<ClassTally> Tally(PushedQuestion pushed) =>
        Info.Classes.Select(found => TallyMaths.ForClass(pushed.Question, found.ClassId,
            pushed.Answers.Values.Where(answer => answer.ClassId == found.ClassId), pushed.Counts.GetValueOrDefault(found.ClassId))).ToList();

    public ClassroomReport Report() =>
        new(id, Info.Title, Info.Status, Info.Classes, state.Questions.Select(pushed =>
        {
            var perClass = Tally(pushed);
            return new QuestionReport(pushed.Question.Id, pushed.Question.Kind, pushed.Question.Stem, pushed.Status,
                perClass.Select(tally => new ClassResult(tally.ClassId, tally.Answered, tally.Correct, TallyMaths.CorrectRate(tally), tally.Counts, tally.FromCount)).ToList(),
                TallyMaths.Total(perClass));
        }).ToList());

    public void Replay(string type, string dataJson)
    {
        if (type == AnswerRecordedEvent.Type)
        {
            Record(LiveJson.Deserialize<AnswerRecordedEvent>(dataJson));
        }
        else if (type == TallySubmittedEvent.Type)
        {
            Record(LiveJson.Deserialize<TallySubmittedEvent>(dataJson));
        }
        else if (type == TallyUpdatedEvent.Type)
        {
            TallyPublished();
        }
        else
        {
            throw new InvalidOperationException($"classroom {id} does not log {type}");
        }
    }

    private void RequireHost(Caller caller)
    {
        if (!IsHost(caller.UserId))
        {
            throw CollabException.Forbidden("only the host runs the classroom");
        }
    }

    private void RequireLive()
    {
        switch (Info.Status)
        {
            case ClassroomStatuses.Scheduled:
                throw new CollabException(ErrorCodes.NotOpen, $"classroom {id} has not started");
            case ClassroomStatuses.Ended:
                throw new CollabException(ErrorCodes.Closed, $"classroom {id} has ended");
        }
    }

    private PushedQuestion Find(string questionId) =>
        state.Questions.Find(pushed => pushed.Question.Id == questionId) ?? throw CollabException.NotFound($"question {questionId} in classroom {id}");

    /// <summary>Answers and counts go to the current question while it is open; a closed one says so.</summary>
    private PushedQuestion OpenQuestion(string questionId)
    {
        var pushed = Find(questionId ?? "");
        if (pushed.Status != QuestionStatuses.Open)
        {
            throw new CollabException(ErrorCodes.Closed, $"question {questionId} is closed; answers are no longer taken");
        }
        return pushed;
    }

    private QuestionClosedEvent? CloseCurrent(DateTimeOffset now) =>
        Current is { Status: QuestionStatuses.Open } open ? Close(open.Question.Id, now) : null;
}
