namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.MessagePosted")]
public sealed record MessagePosted(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset At);
