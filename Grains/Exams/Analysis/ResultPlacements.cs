using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams.Analysis;

/// <summary>Puts on each result line the school, county and class its student was placed in at publishing.</summary>
public static class ResultPlacements
{
    public static StudentResult Apply(StudentResult result, IReadOnlyDictionary<string, RosterPlacement> placements) =>
        placements.TryGetValue(result.StudentId, out var placement)
            ? result with
            {
                SchoolCode = NullIfEmpty(placement.SchoolCode),
                County = NullIfEmpty(placement.County),
                ClassId = NullIfEmpty(placement.ClassId),
            }
            : result;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
