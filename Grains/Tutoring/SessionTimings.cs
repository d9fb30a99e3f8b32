namespace Collab.Grains.Tutoring;

/// <summary>The configurable periods of the session rules.</summary>
public sealed record SessionTimings(TimeSpan WarningBefore, TimeSpan NoShowGrace, TimeSpan DisconnectGrace);
