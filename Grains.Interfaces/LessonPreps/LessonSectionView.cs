namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>One section as clients see it; <see cref="Assignee"/> is null when nobody is responsible for it.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.LessonSectionView")]
public sealed record LessonSectionView(
    [property: Id(0)] string Key,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] string? Assignee);
