using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// The roster an exam is published with: the students it names one by one, then the students of the directory's
/// classes it names (PROTOCOL §6), each once, and their names, schools, counties and classes as the directory holds
/// them. Kept from then on, so a class that changes later does not change who sits the exam or where their result counts.
/// </summary>
public static class ExamRosters
{
    public sealed record Resolved(IReadOnlyList<string> Roster, Dictionary<string, string> Names, Dictionary<string, RosterPlacement> Placements);

    public static async Task<Resolved> ResolveAsync(ExamSpec spec, IPeopleLookup people)
    {
        var roster = new List<string>(spec.Roster);
        var seen = new HashSet<string>(spec.Roster, StringComparer.Ordinal);
        var classOf = new Dictionary<string, DirectoryClass>(StringComparer.Ordinal);
        foreach (var classId in spec.RosterClasses ?? [])
        {
            var found = await people.ClassAsync(classId) ?? throw CollabException.NotFound($"class {classId} in the directory");
            roster.AddRange(found.Students.Select(student => student.UserId).Where(seen.Add));
            foreach (var student in found.Students)
            {
                classOf.TryAdd(student.UserId, found);
            }
        }
        if (roster.Count == 0)
        {
            throw CollabException.Invalid("the roster's classes have no students");
        }
        if (roster.Count > ExamLimits.RosterSize)
        {
            throw CollabException.TooLarge($"the roster and its classes hold {roster.Count} students; at most {ExamLimits.RosterSize}");
        }
        var known = await people.PeopleAsync(roster);
        return new Resolved(
            roster,
            known.ToDictionary(person => person.Key, person => person.Value.Name, StringComparer.Ordinal),
            roster.Where(studentId => known.ContainsKey(studentId) || classOf.ContainsKey(studentId)).ToDictionary(
                studentId => studentId,
                studentId => Placement(known.GetValueOrDefault(studentId), classOf.GetValueOrDefault(studentId)),
                StringComparer.Ordinal));
    }

    /// <summary>A student's school is the directory's record of them, or else that of the class they came through.</summary>
    private static RosterPlacement Placement(DirectoryPerson? person, DirectoryClass? found) =>
        new(person?.SchoolCode ?? found?.SchoolCode ?? "", person?.SchoolName ?? "", person?.County ?? "", found?.Id ?? "", found?.Name ?? "");
}
