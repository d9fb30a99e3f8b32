namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>
/// One personal copy as its owner's home page lists it (<c>GET /api/me/lessonpreps/copies</c>): where it came from, and
/// when it last changed (<see cref="ChangedAt"/>: its latest edit, comment or phase change; its creation before any).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.LessonCopySummary")]
public sealed record LessonCopySummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string OriginId,
    [property: Id(3)] string OriginTitle,
    [property: Id(4)] string Phase,
    [property: Id(5)] long Revision,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset ChangedAt);
