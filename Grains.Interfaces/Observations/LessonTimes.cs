namespace Collab.Grains.Interfaces.Observations;

/// <summary>The answer of Start and End: when the lesson started and, once it has, ended (server time).</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.LessonTimes")]
public sealed record LessonTimes(
    [property: Id(0)] string Status,
    [property: Id(1)] DateTimeOffset? StartedAt,
    [property: Id(2)] DateTimeOffset? EndedAt);
