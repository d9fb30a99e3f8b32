namespace Collab.Grains.Interfaces.Tutoring;

/// <summary>One finished session, as the tutor's history and the student's own list show it.</summary>
[GenerateSerializer, Immutable, Alias("collab.tutoring.TutoringSessionRecord")]
public sealed record TutoringSessionRecord(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string RoomTitle,
    [property: Id(3)] string Subject,
    [property: Id(4)] string TutorId,
    [property: Id(5)] string TutorName,
    [property: Id(6)] string StudentId,
    [property: Id(7)] string StudentName,
    [property: Id(8)] string Topic,
    [property: Id(9)] DateTimeOffset StartedAt,
    [property: Id(10)] DateTimeOffset EndedAt,
    [property: Id(11)] string EndReason,
    [property: Id(12)] string Notes,
    [property: Id(13)] int StrokeCount,
    [property: Id(14)] int ChatCount);
