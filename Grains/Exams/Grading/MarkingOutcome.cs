namespace Collab.Grains.Exams;

/// <summary>Where the marking of one short answer stands: its final points, or who is needed next.</summary>
public sealed record MarkingOutcome(decimal? Final, bool NeedsAnotherMarker, bool NeedsArbitration);
