namespace Collab.Grains.Interfaces.Observations;

/// <summary>The answer of AddNote: the note's id, the moment of the lesson it is about, and its offset from Start.</summary>
[GenerateSerializer, Immutable, Alias("collab.observations.NoteAdded")]
public sealed record NoteAdded(
    [property: Id(0)] string NoteId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int OffsetSeconds);
