namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>A section a new plan starts with: a stable key (what ops and cursors name) and a title to show.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.SectionSpec")]
public sealed record SectionSpec(
    [property: Id(0)] string Key,
    [property: Id(1)] string Title);
