namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>A stroke as a client sends it: points are <c>[x, y]</c> pairs in board coordinates.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.StrokeInput")]
public sealed record StrokeInput(
    [property: Id(0)] string? StrokeId,
    [property: Id(1)] double[][]? Points,
    [property: Id(2)] string? Color,
    [property: Id(3)] double Width);
