using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Grains.Exams.Analysis;

/// <summary>
/// Which group of a dimension a student's result falls in, and the group's name: the school (its code, its name), the
/// county, the class (its id, its name) from the placement kept at publishing, or the room. A student the directory
/// did not place falls in the group with the empty key.
/// </summary>
public static class ResultGrouping
{
    public readonly record struct Group(string Key, string Name);

    /// <param name="rooms">The room each student sits in, by student id: its id and name.</param>
    public static Func<StudentResult, Group> For(
        string? dimension, IReadOnlyDictionary<string, RosterPlacement> placements, IReadOnlyDictionary<string, Group> rooms)
    {
        RosterPlacement? Of(StudentResult result) => placements.GetValueOrDefault(result.StudentId);
        return dimension switch
        {
            AnalysisDimensions.School => result => Of(result) is { } p ? new Group(p.SchoolCode, p.SchoolName.Length > 0 ? p.SchoolName : p.SchoolCode) : Unplaced,
            AnalysisDimensions.County => result => Of(result) is { } p ? new Group(p.County, p.County) : Unplaced,
            AnalysisDimensions.Class => result => Of(result) is { } p ? new Group(p.ClassId, p.ClassName.Length > 0 ? p.ClassName : p.ClassId) : Unplaced,
            AnalysisDimensions.Room => result => rooms.GetValueOrDefault(result.StudentId, Unplaced),
            _ => throw CollabException.Invalid($"dimension must be one of {string.Join(", ", AnalysisDimensions.All)}"),
        };
    }

    private static readonly Group Unplaced = new("", "");
}
