namespace Collab.Grains.Interfaces.Live;

/// <summary>Either every retained event after the requested seq, or (when they are gone) a snapshot as of <see cref="Seq"/>.</summary>
[GenerateSerializer, Immutable, Alias("collab.SyncResult")]
public sealed record SyncResult(
    [property: Id(0)] IReadOnlyList<EventEnvelope> Events,
    [property: Id(1)] string? SnapshotJson,
    [property: Id(2)] long Seq);
