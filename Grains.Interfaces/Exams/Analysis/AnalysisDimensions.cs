namespace Collab.Grains.Interfaces.Exams.Analysis;

/// <summary>The dimensions the results are grouped by (PROTOCOL §7).</summary>
public static class AnalysisDimensions
{
    public const string School = "school";
    public const string County = "county";
    public const string Class = "class";
    public const string Room = "room";

    public static IReadOnlyList<string> All { get; } = [School, County, Class, Room];
}
