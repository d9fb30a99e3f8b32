namespace Collab.Grains.Interfaces.Groups;

[GenerateSerializer, Immutable, Alias("collab.groups.CreateGroup")]
public sealed record CreateGroup(
    [property: Id(0)] string Name,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Grade,
    [property: Id(3)] string? Description);

[GenerateSerializer, Immutable, Alias("collab.groups.NewMember")]
public sealed record NewMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string School,
    [property: Id(3)] string County);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupInfo")]
public sealed record GroupInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] string Description);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupMember")]
public sealed record GroupMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string School,
    [property: Id(3)] string County,
    [property: Id(4)] string Role);

[GenerateSerializer, Immutable, Alias("collab.groups.JoinRequest")]
public sealed record JoinRequest(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string School,
    [property: Id(3)] string County,
    [property: Id(4)] DateTimeOffset RequestedAt);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupMessage")]
public sealed record GroupMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string ClientId,
    [property: Id(6)] long ClientSeq);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupSession")]
public sealed record GroupSession(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartsAt);

/// <summary>What <c>GET /api/groups/{id}</c> shows: members see everything, the leader also sees pending join requests.</summary>
[GenerateSerializer, Immutable, Alias("collab.groups.GroupView")]
public sealed record GroupView(
    [property: Id(0)] GroupInfo Group,
    [property: Id(1)] string? MyRole,
    [property: Id(2)] int MemberCount,
    [property: Id(3)] IReadOnlyList<GroupMember> Members,
    [property: Id(4)] IReadOnlyList<GroupSession> Sessions,
    [property: Id(5)] IReadOnlyList<JoinRequest> JoinRequests);

[GenerateSerializer, Immutable, Alias("collab.groups.GroupSummary")]
public sealed record GroupSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Grade,
    [property: Id(4)] string Role,
    [property: Id(5)] int MemberCount);

[GenerateSerializer, Immutable, Alias("collab.groups.MessagePosted")]
public sealed record MessagePosted(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset At);
