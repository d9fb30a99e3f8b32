namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>The body of <c>POST /api/tutoring/rooms</c>.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.CreateTutoringRoom")]
public sealed record CreateTutoringRoom(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Subject,
    [property: Id(2)] int SlotMinutes);
