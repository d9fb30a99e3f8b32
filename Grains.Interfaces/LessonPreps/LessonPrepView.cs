namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>What <c>GET /api/lessonpreps/{id}</c> shows a group member; <see cref="Revision"/> is the document revision, not seq.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.LessonPrepView")]
public sealed record LessonPrepView(
    [property: Id(0)] string Id,
    [property: Id(1)] string GroupId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Grade,
    [property: Id(5)] string Phase,
    [property: Id(6)] string LeadPreparer,
    [property: Id(7)] long Revision,
    [property: Id(8)] IReadOnlyList<LessonSectionView> Sections,
    [property: Id(9)] string? ForkedFrom = null,
    [property: Id(10)] string? Owner = null,
    [property: Id(11)] IReadOnlyList<ForkRecord>? Forks = null,
    [property: Id(230)] string? OriginTitle = null);
