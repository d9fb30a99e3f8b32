namespace Collab.Grains.Tutoring;

/// <summary>A validated whiteboard stroke, as <c>stroke.drawn</c> carries it.</summary>
public sealed record Stroke(string StrokeId, string UserId, double[][] Points, string Color, double Width, DateTimeOffset At);
