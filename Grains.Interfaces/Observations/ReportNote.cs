namespace Collab.Grains.Interfaces.Observations;

/// <summary>A public note on the report's lesson timeline.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.ReportNote")]
public sealed record ReportNote(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] int OffsetSeconds);
