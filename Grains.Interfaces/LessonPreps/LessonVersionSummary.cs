namespace Collab.Grains.Interfaces.LessonPreps;

[GenerateSerializer, Immutable, Alias("collab.lessonprep.LessonVersionSummary")]
public sealed record LessonVersionSummary(
    [property: Id(0)] string VersionId,
    [property: Id(1)] string Label,
    [property: Id(2)] long Revision,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt);
