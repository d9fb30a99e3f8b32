namespace Collab.Grains.Tutoring;

/// <summary>
/// A stroke on the board of a running session, kept as its wire JSON: the grain storage's JSON would wrap every
/// <c>[x, y]</c> pair in a type-named object (about 60 bytes a point instead of 10).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.BoardStroke")]
public sealed record BoardStroke(
    [property: Id(0)] string StrokeId,
    [property: Id(1)] string Json);
