namespace Collab.Grains.Interfaces.Tutoring;

[GenerateSerializer, Immutable, Alias("collab.tutoring.ChatAccepted")]
public sealed record ChatAccepted(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset At);
