namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>
/// One open room as the directory lists it. <see cref="Version"/> increases with every report of the room, so a
/// late report never overwrites a newer one.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.RoomListing")]
public sealed record RoomListing(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Subject,
    [property: Id(3)] string TutorId,
    [property: Id(4)] string TutorName,
    [property: Id(5)] int SlotMinutes,
    [property: Id(6)] int QueueLength,
    [property: Id(7)] bool InSession,
    [property: Id(8)] bool Open,
    [property: Id(9)] long Version);
