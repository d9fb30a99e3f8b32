namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.GroupMember")]
public sealed record GroupMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string School,
    [property: Id(3)] string County,
    [property: Id(4)] string Role);
