using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Directory;

/// <summary>
/// The checks of one import's rows (PROTOCOL §6): required fields, lengths, control characters, roles, keys repeated
/// within the import, and references to schools and people the directory does not hold (the caller looks those up and
/// passes what it found). A row that fails one check is reported once, at its first failing field, and skipped.
/// </summary>
public sealed class ImportChecks
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxSubjects = 20;
    public const int MaxClassMembers = 500;

    private readonly HashSet<string> _schools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _people = new(StringComparer.Ordinal);
    private readonly HashSet<string> _classes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deactivated = new(StringComparer.Ordinal);

    /// <summary>The distinct keys (school codes, user ids) the rows name, trimmed, to look up before checking them.</summary>
    public static IReadOnlyCollection<string> KeysOf(IEnumerable<string?> keys) =>
        keys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(key => key!.Trim()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The member ids the classes name, to look up before <see cref="Classes"/>.</summary>
    public static IReadOnlyCollection<string> MemberIdsOf(IEnumerable<ImportClass> classes) =>
        classes.SelectMany(c => (c.TeacherIds ?? []).Concat(c.StudentIds ?? []))
            .Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()).ToHashSet(StringComparer.Ordinal);

    public (List<ValidSchool> Valid, List<ImportError> Errors) Schools(int firstRow, IReadOnlyList<ImportSchool> rows) =>
        Check(ImportKinds.Schools, firstRow, rows, row =>
        {
            var code = Id(row.Code, "code");
            var school = new ValidSchool(code, Text(row.Name, "name"), Text(row.County, "county"));
            Unseen(_schools, code, "code", "school");
            return school;
        });

    public (List<ValidPerson> Valid, List<ImportError> Errors) People(int firstRow, IReadOnlyList<ImportPerson> rows, IReadOnlySet<string> knownSchools) =>
        Check(ImportKinds.People, firstRow, rows, row =>
        {
            var userId = Id(row.UserId, "userId");
            var name = Text(row.Name, "name");
            var role = row.Role?.Trim() is { } given && Roles.IsKnown(given)
                ? given
                : throw new RowError("role", "role is not teacher, student or admin");
            var school = KnownSchool(row.SchoolCode, knownSchools);
            var subjects = (row.Subjects ?? []).Select((subject, i) => Text(subject, $"subjects[{i}]")).ToList();
            if (subjects.Count > MaxSubjects)
            {
                throw new RowError("subjects", $"at most {MaxSubjects} subjects");
            }
            if (subjects.Any(subject => subject.Contains(',')))
            {
                throw new RowError("subjects", "a subject holds no comma");
            }
            Unseen(_people, userId, "userId", "person");
            return new ValidPerson(userId, name, role, school, string.Join(",", subjects));
        });

    public (List<ValidClass> Valid, List<ImportError> Errors) Classes(int firstRow, IReadOnlyList<ImportClass> rows,
        IReadOnlySet<string> knownSchools, IReadOnlySet<string> knownPeople) =>
        Check(ImportKinds.Classes, firstRow, rows, row =>
        {
            var id = Id(row.Id, "id");
            var school = KnownSchool(row.SchoolCode, knownSchools);
            var name = Text(row.Name, "name");
            var grade = Text(row.Grade, "grade");
            var teachers = Members(row.TeacherIds, "teacherIds", knownPeople);
            var students = Members(row.StudentIds, "studentIds", knownPeople);
            Unseen(_classes, id, "id", "class");
            return new ValidClass(id, school, name, grade, teachers, students);
        });

    public (List<string> Valid, List<ImportError> Errors) Deactivate(int firstRow, IReadOnlyList<string?> userIds, IReadOnlySet<string> knownPeople) =>
        Check(ImportKinds.Deactivate, firstRow, userIds, given =>
        {
            var userId = Id(given, "userId");
            if (!knownPeople.Contains(userId))
            {
                throw new RowError("userId", $"no person {userId} in the directory");
            }
            Unseen(_deactivated, userId, "userId", "deactivated person");
            return userId;
        });

    private static (List<TValid>, List<ImportError>) Check<TRow, TValid>(string kind, int firstRow, IReadOnlyList<TRow> rows, Func<TRow, TValid> check)
    {
        var valid = new List<TValid>(rows.Count);
        var errors = new List<ImportError>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                valid.Add(check(rows[i]));
            }
            catch (RowError error)
            {
                errors.Add(new ImportError(kind, firstRow + i, error.Field, error.Message));
            }
        }
        return (valid, errors);
    }

    /// <summary>
    /// A sign-in's name and school claims held to the import's rules: a claim that would fail a row is left out (null)
    /// rather than refused, because the sign-in itself must not fail over the directory.
    /// </summary>
    public static (string? Name, string? SchoolCode) SignInClaims(string? name, string? schoolCode) =>
        (Lenient(() => Text(name, "name")), Lenient(() => Id(schoolCode, "schoolCode")));

    private static string? Lenient(Func<string> check)
    {
        try
        {
            return check();
        }
        catch (RowError)
        {
            return null;
        }
    }

    private static string Id(string? value, string field) => Bounded(value, field, MaxIdLength);

    private static string Text(string? value, string field) => Bounded(value, field, MaxNameLength);

    private static string Bounded(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RowError(field, $"{field} must not be empty");
        }
        var trimmed = value.Trim();
        if (!TextCharacters.Allowed(trimmed, freeText: false))
        {
            throw new RowError(field, $"{field} holds a control character");
        }
        return trimmed.Length > maxLength ? throw new RowError(field, $"{field} is longer than {maxLength} characters") : trimmed;
    }

    private static string KnownSchool(string? code, IReadOnlySet<string> knownSchools)
    {
        var school = Id(code, "schoolCode");
        return knownSchools.Contains(school) ? school : throw new RowError("schoolCode", $"no school {school} in the directory");
    }

    private static List<string> Members(IReadOnlyList<string?>? ids, string field, IReadOnlySet<string> knownPeople)
    {
        var members = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (given, i) in (ids ?? []).Select((id, i) => (id, i)))
        {
            var id = Id(given, $"{field}[{i}]");
            if (!knownPeople.Contains(id))
            {
                throw new RowError(field, $"no person {id} in the directory");
            }
            if (seen.Add(id))
            {
                members.Add(id);
            }
        }
        return members.Count > MaxClassMembers ? throw new RowError(field, $"at most {MaxClassMembers} members") : members;
    }

    /// <summary>Marks the key seen; called last, so a row skipped for another field does not hold its key.</summary>
    private static void Unseen(HashSet<string> seen, string key, string field, string what)
    {
        if (!seen.Add(key))
        {
            throw new RowError(field, $"{what} {key} comes more than once in this import");
        }
    }

    private sealed class RowError(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
