namespace Collab.Api.Tutoring;

public sealed record DrawStrokeRequest(string? ClientId, long ClientSeq, string? StrokeId, double[][]? Points, string? Color, double Width);
