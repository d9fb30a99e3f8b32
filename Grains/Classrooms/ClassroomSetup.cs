using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Classrooms;

/// <summary>
/// What <c>POST /api/classrooms</c> makes of its body and the directory's classes (PROTOCOL §8): the caller teaches the
/// host class; each linked class's first teacher is its assistant; the students are the classes' students, each
/// answering for the first of the classroom's classes that lists them. Kept from then on, like an exam's roster.
/// </summary>
public static class ClassroomSetup
{
    public sealed record Plan(string Title, string Subject, string Grade, DateTimeOffset StartsAt, string HostClassId, IReadOnlyList<string> LinkedClassIds)
    {
        public IEnumerable<string> ClassIds => LinkedClassIds.Prepend(HostClassId);
    }

    public sealed record Built(ClassroomInfo Info, Dictionary<string, string> StudentClasses, Dictionary<string, List<string>> ClassTeachers);

    /// <summary>The body's own checks, before any class is looked up.</summary>
    public static Plan Check(Caller caller, CreateClassroom command)
    {
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers set up a classroom");
        }
        var title = TextFields.Required(command.Title, "title", ClassroomLimits.TitleLength);
        var subject = TextFields.Required(command.Subject, "subject", ClassroomLimits.SubjectLength);
        var grade = TextFields.Optional(command.Grade, "grade", ClassroomLimits.GradeLength);
        var startsAt = command.StartsAt ?? throw CollabException.Invalid("startsAt is required");
        var host = TextFields.Required(command.HostClassId, "hostClassId", 64);
        var linked = command.LinkedClassIds ?? [];
        if (linked.Count > ClassroomLimits.LinkedClasses)
        {
            throw CollabException.TooLarge($"at most {ClassroomLimits.LinkedClasses} linked classes");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal) { host };
        foreach (var classId in linked)
        {
            if (string.IsNullOrWhiteSpace(classId) || classId.Length > 64)
            {
                throw CollabException.Invalid("linkedClassIds must hold class ids");
            }
            if (!seen.Add(classId))
            {
                throw CollabException.Invalid($"class {classId} is named twice (the host class is not also linked)");
            }
        }
        return new Plan(title, subject, grade, startsAt, host, linked.ToList());
    }

    /// <summary><paramref name="classes"/> are the plan's classes as the directory holds them, host class first.</summary>
    public static Built Build(string id, Caller caller, Plan plan, IReadOnlyList<DirectoryClass> classes, IReadOnlyDictionary<string, DirectoryPerson> teachers)
    {
        var hostClass = classes[0];
        if (!hostClass.TeacherIds.Contains(caller.UserId))
        {
            throw CollabException.Forbidden($"you do not teach class {hostClass.Id}, the host class");
        }
        var studentClasses = new Dictionary<string, string>(StringComparer.Ordinal);
        var classTeachers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var listed = new List<ClassroomClass>();
        foreach (var found in classes)
        {
            var teacherId = found == hostClass ? caller.UserId : found.TeacherIds.FirstOrDefault();
            var school = teacherId is not null && teachers.TryGetValue(teacherId, out var teacher) ? teacher.SchoolName : found.SchoolCode;
            listed.Add(new ClassroomClass(found.Id, found.Name, school, teacherId, found.Students.Count));
            classTeachers[found.Id] = found.TeacherIds.ToList();
            foreach (var student in found.Students)
            {
                studentClasses.TryAdd(student.UserId, found.Id);
            }
        }
        var info = new ClassroomInfo(id, plan.Title, plan.Subject, plan.Grade, plan.StartsAt, caller.UserId, caller.Name, hostClass.Id, listed,
            ClassroomStatuses.Scheduled, 0);
        return new Built(info, studentClasses, classTeachers);
    }

    /// <summary>Everyone whose list the classroom goes on: the host, every class's teachers, every student.</summary>
    public static IEnumerable<string> Members(Built built) =>
        built.ClassTeachers.Values.SelectMany(teachers => teachers).Prepend(built.Info.HostId).Concat(built.StudentClasses.Keys).Distinct(StringComparer.Ordinal);
}
