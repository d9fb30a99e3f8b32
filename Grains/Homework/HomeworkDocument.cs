using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Homework;
using Collab.Grains.Interfaces.Homework.Events;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Homework;

/// <summary>
/// The rules of one homework (PROTOCOL §8) over its state, with no Orleans in it: who may see, submit, mark and read
/// what; the due time; submissions and marks. Every change validates first and changes nothing when it refuses, and
/// returns the event it emits; <see cref="Replay"/> applies a logged event exactly as its command did.
/// </summary>
public sealed class HomeworkDocument(string id, HomeworkState state)
{
    public bool Exists => state.Sheet is not null;

    public HomeworkSheet Sheet => state.Sheet ?? throw CollabException.NotFound($"homework {id}");

    public void Create(HomeworkSetup.Built built)
    {
        if (Exists)
        {
            throw CollabException.Conflict($"homework {id} already exists");
        }
        state.Sheet = built.Sheet;
        state.StudentClasses = built.StudentClasses;
        state.StudentNames = built.StudentNames;
        state.Unlisted = HomeworkSetup.Members(built).ToList();
    }

    public IReadOnlyList<string> Unlisted => state.Unlisted;

    /// <summary>These members' lists name the homework now, durably.</summary>
    public void Listed(IReadOnlyList<string> userIds) => state.Unlisted.RemoveAll(userIds.Contains);

    public string? ClassOf(string studentId) => state.StudentClasses.GetValueOrDefault(studentId);

    public bool IsSetter(string userId) => Sheet.SetterId == userId;

    /// <summary>The homework's classes this user teaches.</summary>
    public IReadOnlyList<string> ClassesTaughtBy(string userId) =>
        Sheet.Classes.Where(found => found.TeacherIds.Contains(userId)).Select(found => found.ClassId).ToList();

    public bool IsStaff(Caller caller) => caller.IsAdmin || IsSetter(caller.UserId) || ClassesTaughtBy(caller.UserId).Count > 0;

    /// <summary>Past the due time, whether or not the reminder has closed it yet: nothing is taken, keys may be shown.</summary>
    public bool IsPastDue(DateTimeOffset now) => Sheet.Status == HomeworkStatuses.Closed || now >= Sheet.DueAt;

    public void RequireViewer(Caller caller)
    {
        if (!IsStaff(caller) && ClassOf(caller.UserId) is null)
        {
            throw CollabException.Forbidden($"you are not in a class of homework {id}");
        }
    }

    public bool WouldClose(DateTimeOffset now) => Exists && Sheet.Status == HomeworkStatuses.Open && now >= Sheet.DueAt;

    public HomeworkClosedEvent Close(DateTimeOffset now)
    {
        Sheet.Status = HomeworkStatuses.Closed;
        return new HomeworkClosedEvent(now);
    }

    public HomeworkSubmittedEvent Submit(Caller caller, string answersJson, DateTimeOffset now)
    {
        var classId = ClassOf(caller.UserId) ?? throw CollabException.Forbidden($"only students of the classes of homework {id} submit it");
        if (IsPastDue(now))
        {
            throw new CollabException(ErrorCodes.DeadlinePassed, $"homework {id} was due at {Sheet.DueAt:O}; submissions are closed");
        }
        var answers = ParseAnswers(answersJson);
        var revision = (state.Submissions.GetValueOrDefault(caller.UserId)?.Revision ?? 0) + 1;
        var submitted = new HomeworkSubmittedEvent(caller.UserId, classId, answers, revision, now);
        Record(submitted);
        return submitted;
    }

    /// <summary>
    /// Replaces the student's submission; a mark stays only on a short answer whose text did not change, so a marker
    /// never scores a text they did not read.
    /// </summary>
    public void Record(HomeworkSubmittedEvent submitted)
    {
        var answers = new Dictionary<string, StudentAnswer>(StringComparer.Ordinal);
        foreach (var (questionId, answer) in submitted.Answers)
        {
            answers[questionId] = AnswerParser.Parse(Question(questionId), answer.GetRawText());
        }
        var earlier = state.Submissions.GetValueOrDefault(submitted.StudentId);
        var marks = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (questionId, points) in earlier?.Marks ?? [])
        {
            if (earlier!.Answers.GetValueOrDefault(questionId)?.Text is { } text && answers.GetValueOrDefault(questionId)?.Text == text)
            {
                marks[questionId] = points;
            }
        }
        state.Submissions[submitted.StudentId] = new HomeworkSubmission
        {
            ClassId = submitted.ClassId,
            Answers = answers,
            SubmittedAt = submitted.At,
            Revision = submitted.Revision,
            Marks = marks,
        };
    }

    public HomeworkMarkedEvent Mark(Caller caller, HomeworkMark? mark, DateTimeOffset now)
    {
        if (mark is null || string.IsNullOrWhiteSpace(mark.StudentId) || string.IsNullOrWhiteSpace(mark.QuestionId))
        {
            throw CollabException.Invalid("a mark names studentId, questionId and points");
        }
        var question = ShortQuestion(mark.QuestionId);
        var classId = ClassOf(mark.StudentId) ?? throw CollabException.NotFound($"student {mark.StudentId} in homework {id}");
        RequireTeacherOf(caller, classId, "marks");
        var submission = state.Submissions.GetValueOrDefault(mark.StudentId)
            ?? throw CollabException.NotFound($"a submission of student {mark.StudentId}");
        if (submission.Answers.GetValueOrDefault(question.Id)?.Text is null)
        {
            throw CollabException.Invalid($"student {mark.StudentId} left question {question.Id} blank; it scores 0 without a mark");
        }
        if (mark.Points < 0 || mark.Points > question.Points || decimal.Round(mark.Points, 2) != mark.Points)
        {
            throw CollabException.Invalid($"points must be from 0 to {question.Points}, with at most 2 decimal places");
        }
        var marked = new HomeworkMarkedEvent(mark.StudentId, question.Id, mark.Points, caller.UserId, now);
        Record(marked);
        return marked;
    }

    public void Record(HomeworkMarkedEvent marked) => state.Submissions[marked.StudentId].Marks[marked.QuestionId] = marked.Points;

    /// <summary>The next unmarked answer to a short question among the caller's own classes, oldest submission first.</summary>
    public HomeworkMarkingTask? NextToMark(Caller caller, string questionId)
    {
        var question = ShortQuestion(questionId);
        var classes = ClassesTaughtBy(caller.UserId);
        if (classes.Count == 0)
        {
            throw CollabException.Forbidden($"only a teacher of a class of homework {id} marks it");
        }
        var waiting = state.Submissions
            .Where(entry => classes.Contains(entry.Value.ClassId) && HomeworkScoring.AwaitsMark(question, entry.Value))
            .OrderBy(entry => entry.Value.SubmittedAt).ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .ToList();
        if (waiting.Count == 0)
        {
            return null;
        }
        var (studentId, submission) = waiting[0];
        return new HomeworkMarkingTask(studentId, state.StudentNames.GetValueOrDefault(studentId, studentId), submission.ClassId, question.Id,
            question.Stem, submission.Answers[question.Id].Text!, question.Reference, question.Points, waiting.Count);
    }

    public int Unmarked(Caller caller) =>
        state.Submissions.Values.Count(submission => ClassesTaughtBy(caller.UserId).Contains(submission.ClassId)
            && Sheet.Questions.Any(question => HomeworkScoring.AwaitsMark(question, submission)));

    /// <summary>
    /// Every class's figures for every teacher of the homework (to compare); the students' lines of the caller's own
    /// classes, or of all for the setter and admins; <paramref name="classId"/> narrows the lines to one class.
    /// </summary>
    public HomeworkResults Results(Caller caller, string? classId)
    {
        if (!IsStaff(caller))
        {
            throw CollabException.Forbidden($"only the teachers of homework {id} read its results");
        }
        var everything = caller.IsAdmin || IsSetter(caller.UserId);
        var mine = ClassesTaughtBy(caller.UserId);
        if (!string.IsNullOrEmpty(classId))
        {
            if (Sheet.Classes.All(found => found.ClassId != classId))
            {
                throw CollabException.NotFound($"class {classId} in homework {id}");
            }
            if (!everything && !mine.Contains(classId))
            {
                throw CollabException.Forbidden($"you do not teach class {classId}; its figures are in the per-class results");
            }
        }
        var lines = state.StudentClasses
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => HomeworkScoring.Line(Sheet.Questions, entry.Key, state.StudentNames.GetValueOrDefault(entry.Key, entry.Key), entry.Value,
                state.Submissions.GetValueOrDefault(entry.Key)))
            .ToList();
        var shown = lines.Where(line => string.IsNullOrEmpty(classId) ? everything || mine.Contains(line.ClassId!) : line.ClassId == classId).ToList();
        return new HomeworkResults(id, Sheet.Title, Sheet.Status, Grader.MaxScore(Sheet.Questions), HomeworkScoring.PerClass(Sheet.Classes, lines), shown,
            shown.Sum(line => line.PendingMarking));
    }

    public HomeworkSummary Summary(Caller caller, DateTimeOffset now) =>
        new(id, Sheet.Title, Sheet.Subject, Sheet.DueAt, IsPastDue(now) ? HomeworkStatuses.Closed : HomeworkStatuses.Open, Sheet.SetterId, Sheet.SetterName,
            Sheet.Classes, Sheet.Questions.Count, Grader.MaxScore(Sheet.Questions), state.Submissions.GetValueOrDefault(caller.UserId)?.SubmittedAt,
            ClassOf(caller.UserId) is { } classId ? [classId] : ClassesTaughtBy(caller.UserId), now);

    public HomeworkSubmission? SubmissionOf(string studentId) => state.Submissions.GetValueOrDefault(studentId);

    public void Replay(string type, string dataJson)
    {
        if (type == HomeworkSubmittedEvent.Type)
        {
            Record(LiveJson.Deserialize<HomeworkSubmittedEvent>(dataJson));
        }
        else if (type == HomeworkMarkedEvent.Type)
        {
            Record(LiveJson.Deserialize<HomeworkMarkedEvent>(dataJson));
        }
        else
        {
            throw new InvalidOperationException($"homework {id} does not log {type}");
        }
    }

    private void RequireTeacherOf(Caller caller, string classId, string what)
    {
        if (!ClassesTaughtBy(caller.UserId).Contains(classId))
        {
            throw CollabException.Forbidden($"only a teacher of class {classId} {what} its students' answers");
        }
    }

    private PaperQuestion Question(string questionId) =>
        Sheet.Questions.Find(question => question.Id == questionId) ?? throw CollabException.Invalid($"homework {id} has no question {questionId}");

    private PaperQuestion ShortQuestion(string questionId)
    {
        var question = Sheet.Questions.Find(found => found.Id == questionId) ?? throw CollabException.NotFound($"question {questionId} in homework {id}");
        return question.Kind == QuestionKinds.Short
            ? question
            : throw CollabException.Invalid($"question {questionId} is {question.Kind}; it is graded automatically");
    }

    /// <summary>The answers object, each answer checked against its question's kind; a cleared answer is left out.</summary>
    private Dictionary<string, JsonElement> ParseAnswers(string answersJson)
    {
        using var document = JsonFields.Parse(answersJson, "the submission");
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw CollabException.Invalid("answers must be an object of answers by question id");
        }
        var answers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var question = Question(property.Name);
            var answer = AnswerParser.Parse(question, property.Value.GetRawText());
            if (answer != new StudentAnswer())
            {
                answers[question.Id] = JsonSerializer.SerializeToElement(ExamWire.Answer(question.Kind, answer), LiveJson.Options);
            }
        }
        return answers;
    }
}
