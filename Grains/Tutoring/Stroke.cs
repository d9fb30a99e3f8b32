namespace Collab.Grains.Tutoring;

/// <summary>A stroke on a session's whiteboard, as stored and as <c>stroke.drawn</c> carries it.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.Stroke")]
public sealed record Stroke(
    [property: Id(0)] string StrokeId,
    [property: Id(1)] string UserId,
    [property: Id(2)] double[][] Points,
    [property: Id(3)] string Color,
    [property: Id(4)] double Width,
    [property: Id(5)] DateTimeOffset At);
