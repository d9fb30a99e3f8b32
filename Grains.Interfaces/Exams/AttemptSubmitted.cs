namespace Collab.Grains.Interfaces.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.AttemptSubmitted")]
public sealed record AttemptSubmitted(
    [property: Id(0)] DateTimeOffset SubmittedAt,
    [property: Id(1)] string Reason,
    [property: Id(240)] string? Cause = null);
