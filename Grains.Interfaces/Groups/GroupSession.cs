namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.GroupSession")]
public sealed record GroupSession(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartsAt);
