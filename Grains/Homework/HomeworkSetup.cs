using System.Globalization;
using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Homework;

namespace Collab.Grains.Homework;

/// <summary>
/// What <c>POST /api/homework</c> makes of its body and the directory (PROTOCOL §8): the questions are read by the exam
/// engine's own parser (§5 kinds, keys required for every objective kind); the caller must teach one of the classes;
/// the students are the classes' students, each answering for the first listed class that holds them. Kept from then
/// on, like an exam's roster, so a later change of a class does not move a result from one class to another.
/// </summary>
public static class HomeworkSetup
{
    public sealed record Plan(string Title, string Subject, IReadOnlyList<string> ClassIds, DateTimeOffset DueAt, IReadOnlyList<PaperQuestion> Questions);

    public sealed record Built(HomeworkSheet Sheet, Dictionary<string, string> StudentClasses, Dictionary<string, string> StudentNames);

    /// <summary>The body's own checks, before any class is looked up; <paramref name="now"/> is the server's time.</summary>
    public static Plan Check(Caller caller, string specJson, DateTimeOffset now)
    {
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers set homework");
        }
        using var document = JsonFields.Parse(specJson, "the homework");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw CollabException.Invalid("the homework must be a JSON object");
        }
        var title = TextFields.Required(JsonFields.String(root, "title", "title"), "title", HomeworkLimits.TitleLength);
        var subject = TextFields.Required(JsonFields.String(root, "subject", "subject"), "subject", HomeworkLimits.SubjectLength);
        var classIds = ClassIds(root);
        var dueAt = DueAt(root, now);
        if (JsonFields.Array(root, "questions", "questions") is { } questions && questions.GetArrayLength() > HomeworkLimits.Questions)
        {
            throw CollabException.TooLarge($"a homework has at most {HomeworkLimits.Questions} questions");
        }
        return new Plan(title, subject, classIds, dueAt, ExamSpecParser.Questions(root));
    }

    /// <summary><paramref name="classes"/> are the plan's classes as the directory holds them, in the plan's order.</summary>
    public static Built Build(Caller caller, Plan plan, IReadOnlyList<DirectoryClass> classes, IReadOnlyDictionary<string, DirectoryPerson> teachers, DateTimeOffset now)
    {
        if (!classes.Any(found => found.TeacherIds.Contains(caller.UserId)))
        {
            throw CollabException.Forbidden("you teach none of these classes; a teacher of one of them sets the homework");
        }
        var studentClasses = new Dictionary<string, string>(StringComparer.Ordinal);
        var studentNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var listed = new List<HomeworkClass>();
        foreach (var found in classes)
        {
            var schoolName = found.TeacherIds.Select(teachers.GetValueOrDefault).FirstOrDefault(teacher => teacher?.SchoolCode == found.SchoolCode)?.SchoolName
                ?? found.SchoolCode;
            listed.Add(new HomeworkClass(found.Id, found.Name, found.SchoolCode, schoolName, found.TeacherIds.ToList(), found.Students.Count));
            foreach (var student in found.Students)
            {
                if (studentClasses.TryAdd(student.UserId, found.Id))
                {
                    studentNames[student.UserId] = student.Name;
                }
            }
        }
        if (studentClasses.Count == 0)
        {
            throw CollabException.Invalid("the classes have no students");
        }
        var sheet = new HomeworkSheet
        {
            Title = plan.Title,
            Subject = plan.Subject,
            DueAt = plan.DueAt,
            SetterId = caller.UserId,
            SetterName = caller.Name,
            Classes = listed,
            Questions = plan.Questions.ToList(),
            SetAt = now,
        };
        return new Built(sheet, studentClasses, studentNames);
    }

    /// <summary>Everyone whose list the homework goes on: the setter, every class's teachers, every student.</summary>
    public static IEnumerable<string> Members(Built built) =>
        built.Sheet.Classes.SelectMany(found => found.TeacherIds).Prepend(built.Sheet.SetterId).Concat(built.StudentClasses.Keys).Distinct(StringComparer.Ordinal);

    private static IReadOnlyList<string> ClassIds(JsonElement root)
    {
        var array = JsonFields.Array(root, "classIds", "classIds") ?? throw CollabException.Invalid("classIds are required");
        if (array.GetArrayLength() == 0)
        {
            throw CollabException.Invalid("classIds must name at least one class");
        }
        if (array.GetArrayLength() > HomeworkLimits.Classes)
        {
            throw CollabException.TooLarge($"a homework is set for at most {HomeworkLimits.Classes} classes");
        }
        var ids = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? JsonFields.Text(item, "classIds") : null;
            if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
            {
                throw CollabException.Invalid("classIds must hold class ids");
            }
            if (ids.Contains(id))
            {
                throw CollabException.Invalid($"class {id} is named twice");
            }
            ids.Add(id);
        }
        return ids;
    }

    private static DateTimeOffset DueAt(JsonElement root, DateTimeOffset now)
    {
        var text = JsonFields.String(root, "dueAt", "dueAt") ?? throw CollabException.Invalid("dueAt is required");
        // Without an explicit offset the instant would depend on the server's time zone.
        var explicitOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!explicitOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueAt))
        {
            throw CollabException.Invalid("dueAt must be an ISO-8601 time with an offset, e.g. 2026-12-08T20:00:00+08:00");
        }
        dueAt = dueAt.ToUniversalTime();
        if (dueAt <= now)
        {
            throw CollabException.Invalid("dueAt must be in the future");
        }
        return dueAt - now > HomeworkLimits.LongestOpen
            ? throw CollabException.Invalid($"dueAt must be within {HomeworkLimits.LongestOpen.TotalDays} days")
            : dueAt;
    }
}
