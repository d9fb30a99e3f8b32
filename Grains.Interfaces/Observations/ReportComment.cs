namespace Collab.Grains.Interfaces.Observations;

/// <summary>An observer's overall comment (评语), given with their rating; their individual scores are not shown.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.ReportComment")]
public sealed record ReportComment(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string School,
    [property: Id(3)] string County,
    [property: Id(4)] string Text,
    [property: Id(5)] DateTimeOffset At);
