namespace Collab.Grains.Tutoring;

/// <summary>One student waiting in a room's queue.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.QueueEntry")]
public sealed record QueueEntry(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Topic,
    [property: Id(3)] DateTimeOffset RequestedAt);
