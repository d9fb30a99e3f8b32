namespace Collab.Grains.Interfaces.Tutoring;

[GenerateSerializer, Immutable, Alias("collab.tutoring.TutoringRoomInfo")]
public sealed record TutoringRoomInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Subject,
    [property: Id(3)] int SlotMinutes,
    [property: Id(4)] string TutorId,
    [property: Id(5)] string TutorName,
    [property: Id(6)] bool Open);
