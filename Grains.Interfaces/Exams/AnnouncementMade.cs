namespace Collab.Grains.Interfaces.Exams;

/// <summary>An announcement to everyone sitting the exam, or (with <see cref="RoomId"/>) to one room.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.AnnouncementMade")]
public sealed record AnnouncementMade(
    [property: Id(0)] string Text,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(20)] string? RoomId = null);
