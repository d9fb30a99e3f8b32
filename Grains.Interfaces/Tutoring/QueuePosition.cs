namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>A student's place in the queue, 1 for the next to be admitted.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.QueuePosition")]
public sealed record QueuePosition([property: Id(0)] int Position);
