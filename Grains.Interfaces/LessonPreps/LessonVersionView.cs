namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>A saved version with the text of every section as it was.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.LessonVersionView")]
public sealed record LessonVersionView(
    [property: Id(0)] LessonVersionSummary Version,
    [property: Id(1)] IReadOnlyList<LessonSectionView> Sections);
