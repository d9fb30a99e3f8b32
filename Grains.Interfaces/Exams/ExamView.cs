namespace Collab.Grains.Interfaces.Exams;

/// <summary>The author's (or an admin's) view of an exam, keys included.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ExamView")]
public sealed record ExamView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] string CreatedBy,
    [property: Id(3)] ExamSpec Spec,
    [property: Id(4)] DateTimeOffset? PublishedAt,
    [property: Id(5)] decimal MaxScore,
    [property: Id(6)] DateTimeOffset ServerNow);
