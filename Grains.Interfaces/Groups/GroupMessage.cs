namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.GroupMessage")]
public sealed record GroupMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string ClientId,
    [property: Id(6)] long ClientSeq);
