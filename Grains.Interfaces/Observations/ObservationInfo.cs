namespace Collab.Grains.Interfaces.Observations;

/// <summary>An observation as its creator gets it back: who is observed, when, and the rubric observers will score.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.ObservationInfo")]
public sealed record ObservationInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string GroupId,
    [property: Id(2)] string Title,
    [property: Id(3)] string TeacherId,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Grade,
    [property: Id(6)] DateTimeOffset StartsAt,
    [property: Id(7)] string Status,
    [property: Id(8)] Rubric Rubric);
