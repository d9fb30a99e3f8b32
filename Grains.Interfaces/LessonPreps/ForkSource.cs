namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>What a personal copy (二次备课) starts from: a finalized plan's content and where it came from.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.ForkSource")]
public sealed record ForkSource(
    [property: Id(0)] string OriginId,
    [property: Id(1)] string GroupId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Grade,
    [property: Id(5)] IReadOnlyList<LessonSectionView> Sections);
