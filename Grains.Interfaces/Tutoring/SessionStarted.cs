namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>The answer to AdmitNext, and the data of <c>session.started</c>.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.SessionStarted")]
public sealed record SessionStarted(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string StudentId,
    [property: Id(2)] string StudentName,
    [property: Id(3)] string Topic,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset EndsAt);
