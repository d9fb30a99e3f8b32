namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>
/// The body of <c>POST /api/groups/{groupId}/lessonpreps</c>; without sections the plan gets the default ones.
/// <see cref="Format"/> is every section's (<see cref="SectionFormats"/>), rich when left out (PROTOCOL §9).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.CreateLessonPrep")]
public sealed record CreateLessonPrep(
    [property: Id(0)] string Title,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Grade,
    [property: Id(3)] IReadOnlyList<SectionSpec>? Sections,
    [property: Id(4)] string? Format = null);
