namespace Collab.Grains.Interfaces.Observations;

/// <summary>
/// The evaluation of an observed lesson (评课报告), readable once the lesson has ended and <see cref="Final"/> once
/// the observed teacher or the group leader finalized it. Totals are on a 0–100 scale.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.observations.ObservationReport")]
public sealed record ObservationReport(
    [property: Id(0)] string Id,
    [property: Id(1)] string GroupId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Grade,
    [property: Id(5)] string TeacherId,
    [property: Id(6)] string TeacherName,
    [property: Id(7)] string Status,
    [property: Id(8)] bool Final,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? EndedAt,
    [property: Id(11)] int RatingCount,
    [property: Id(12)] double WeightedTotal,
    [property: Id(13)] IReadOnlyList<DimensionAggregate> Dimensions,
    [property: Id(14)] IReadOnlyList<ReportNote> Notes,
    [property: Id(15)] IReadOnlyList<ReportComment> Comments,
    [property: Id(16)] IReadOnlyDictionary<string, int> ObserversByCounty,
    [property: Id(17)] int ObserverCount,
    [property: Id(18)] DateTimeOffset? FinalizedAt);
