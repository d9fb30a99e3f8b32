namespace Collab.Grains.Interfaces.Live;

/// <summary>
/// The state a caller may see as of <see cref="Seq"/>; the snapshot is JSON shaped by the area.
/// <see cref="AudienceGroups"/> are the groups whose events this caller's connection receives.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset ServerNow,
    [property: Id(2)] string SnapshotJson,
    [property: Id(3)] IReadOnlyList<string>? AudienceGroups = null);
