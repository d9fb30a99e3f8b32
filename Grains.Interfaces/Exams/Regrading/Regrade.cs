namespace Collab.Grains.Interfaces.Exams.Regrading;

/// <summary>A key change after publishing, which regraded every attempt (PROTOCOL §7); the results show each one.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.Regrade")]
public sealed record Regrade(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string QuestionId,
    [property: Id(2)] string By,
    [property: Id(3)] string Reason);
