namespace Collab.Grains.Interfaces.Observations;

/// <summary>The body of <c>POST /api/groups/{groupId}/observations</c>; without a rubric the observation gets the default one.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.CreateObservation")]
public sealed record CreateObservation(
    [property: Id(0)] string Title,
    [property: Id(1)] string TeacherId,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] Rubric? Rubric = null);
