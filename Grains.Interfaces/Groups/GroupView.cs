namespace Collab.Grains.Interfaces.Groups;

/// <summary>What <c>GET /api/groups/{id}</c> shows: members see everything, the leader also sees pending join requests.</summary>
[GenerateSerializer, Immutable, Alias("collab.groups.GroupView")]
public sealed record GroupView(
    [property: Id(0)] GroupInfo Group,
    [property: Id(1)] string? MyRole,
    [property: Id(2)] int MemberCount,
    [property: Id(3)] IReadOnlyList<GroupMember> Members,
    [property: Id(4)] IReadOnlyList<GroupSession> Sessions,
    [property: Id(5)] IReadOnlyList<JoinRequest> JoinRequests);
