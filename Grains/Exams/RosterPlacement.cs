namespace Collab.Grains.Exams;

/// <summary>
/// Where the directory placed a rostered student when the exam was published: their school and county, and the class
/// they were rostered through (empty when named one by one). Kept, so later directory changes do not move results.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.RosterPlacement")]
public sealed record RosterPlacement(
    [property: Id(0)] string SchoolCode,
    [property: Id(1)] string SchoolName,
    [property: Id(2)] string County,
    [property: Id(3)] string ClassId,
    [property: Id(4)] string ClassName);
