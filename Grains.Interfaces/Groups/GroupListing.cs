namespace Collab.Grains.Interfaces.Groups;

/// <summary>One line of <c>GET /api/groups</c>: what a teacher looking for a group to join sees of it.</summary>
[GenerateSerializer, Immutable, Alias("collab.groups.GroupListing")]
public sealed record GroupListing(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] string? County,
    [property: Id(5)] int MemberCount,
    [property: Id(6)] GroupLeader Leader);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupLeader")]
public sealed record GroupLeader(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name);
