using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// The roster an exam is published with: the students it names one by one, then the students of the directory's
/// classes it names (PROTOCOL §6), then those its rooms name (PROTOCOL §7), each once, and their names, schools,
/// counties and classes as the directory holds them. Kept from then on, so a class that changes later does not change
/// who sits the exam or where their result counts.
/// With rooms, every rostered student sits in exactly one room: a student two rooms claim (also through their classes)
/// and a student left without a room are refused, as a seating plan with a gap or a double booking is a mistake to
/// fix before the day, not to discover in the hall. A room's proctors are teachers or admins of the directory.
/// </summary>
public static class ExamRosters
{
    public sealed record Resolved(IReadOnlyList<string> Roster, Dictionary<string, string> Names, IReadOnlyList<ExamRoom> Rooms,
        Dictionary<string, RosterPlacement> Placements);

    public static async Task<Resolved> ResolveAsync(ExamSpec spec, IPeopleLookup people)
    {
        var classes = new Dictionary<string, DirectoryClass>(StringComparer.Ordinal);
        // The first class a student comes through is the class their result counts under.
        var classOf = new Dictionary<string, DirectoryClass>(StringComparer.Ordinal);
        async Task<IEnumerable<string>> StudentsOf(string classId)
        {
            if (!classes.TryGetValue(classId, out var found))
            {
                found = await people.ClassAsync(classId) ?? throw CollabException.NotFound($"class {classId} in the directory");
                classes[classId] = found;
            }
            foreach (var student in found.Students)
            {
                classOf.TryAdd(student.UserId, found);
            }
            return found.Students.Select(student => student.UserId);
        }

        var roster = new List<string>(spec.Roster);
        var seen = new HashSet<string>(spec.Roster, StringComparer.Ordinal);
        foreach (var classId in spec.RosterClasses ?? [])
        {
            roster.AddRange((await StudentsOf(classId)).Where(seen.Add));
        }
        var rooms = new List<ExamRoom>();
        var roomOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var room in spec.Rooms ?? [])
        {
            var members = new List<string>(room.StudentIds);
            foreach (var classId in room.ClassIds)
            {
                members.AddRange(await StudentsOf(classId));
            }
            var seated = new List<string>();
            foreach (var studentId in members)
            {
                if (roomOf.TryGetValue(studentId, out var other))
                {
                    if (other == room.Id)
                    {
                        continue;
                    }
                    throw CollabException.Invalid($"student {studentId} is in rooms {other} and {room.Id}; a student sits in one room");
                }
                roomOf[studentId] = room.Id;
                seated.Add(studentId);
            }
            roster.AddRange(seated.Where(seen.Add));
            rooms.Add(room with { StudentIds = seated });
        }
        if (roster.Count == 0)
        {
            throw CollabException.Invalid("the roster's classes have no students");
        }
        if (roster.Count > ExamLimits.RosterSize)
        {
            throw CollabException.TooLarge($"the roster and its classes hold {roster.Count} students; at most {ExamLimits.RosterSize}");
        }
        if (rooms.Count > 0)
        {
            RequireEverySeated(roster, roomOf);
            await RequireProctorsAsync(rooms, people);
        }
        var known = await people.PeopleAsync(roster);
        return new Resolved(
            roster,
            known.ToDictionary(person => person.Key, person => person.Value.Name, StringComparer.Ordinal),
            rooms,
            roster.Where(studentId => known.ContainsKey(studentId) || classOf.ContainsKey(studentId)).ToDictionary(
                studentId => studentId,
                studentId => Placement(known.GetValueOrDefault(studentId), classOf.GetValueOrDefault(studentId)),
                StringComparer.Ordinal));
    }

    /// <summary>A student's school is the directory's record of them, or else that of the class they came through.</summary>
    private static RosterPlacement Placement(DirectoryPerson? person, DirectoryClass? found) =>
        new(person?.SchoolCode ?? found?.SchoolCode ?? "", person?.SchoolName ?? "", person?.County ?? "", found?.Id ?? "", found?.Name ?? "");

    private static void RequireEverySeated(IReadOnlyList<string> roster, Dictionary<string, string> roomOf)
    {
        var unseated = roster.Where(studentId => !roomOf.ContainsKey(studentId)).ToList();
        if (unseated.Count > 0)
        {
            throw CollabException.Invalid(
                $"{unseated.Count} rostered students have no room (e.g. {string.Join(", ", unseated.Take(5))}); with rooms, every student sits in one");
        }
    }

    private static async Task RequireProctorsAsync(IReadOnlyList<ExamRoom> rooms, IPeopleLookup people)
    {
        var proctorIds = rooms.SelectMany(room => room.ProctorIds).Distinct(StringComparer.Ordinal).ToList();
        var found = await people.PeopleAsync(proctorIds);
        foreach (var proctorId in proctorIds)
        {
            if (!found.TryGetValue(proctorId, out var person))
            {
                throw CollabException.NotFound($"proctor {proctorId} in the directory");
            }
            if (person.Role is not (Roles.Teacher or Roles.Admin))
            {
                throw CollabException.Invalid($"proctor {proctorId} is a {person.Role}; proctors are teachers");
            }
        }
    }
}
