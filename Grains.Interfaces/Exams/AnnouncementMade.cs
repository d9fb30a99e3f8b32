namespace Collab.Grains.Interfaces.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.AnnouncementMade")]
public sealed record AnnouncementMade(
    [property: Id(0)] string Text,
    [property: Id(1)] DateTimeOffset At);
