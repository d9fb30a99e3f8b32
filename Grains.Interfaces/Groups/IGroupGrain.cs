using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Interfaces.Groups;

/// <summary>A teaching-research group (教研组): members, join requests, discussion feed, scheduled sessions.</summary>
[Alias("collab.IGroupGrain")]
public interface IGroupGrain : ILiveStreamGrain
{
    [Alias("Create")]
    Task<GroupInfo> CreateAsync(Caller caller, CreateGroup command);

    [Alias("Get")]
    Task<GroupView> GetAsync(Caller caller);

    /// <summary>The caller's view of the group for their own list, or null when they are not a member.</summary>
    [Alias("GetSummary")]
    Task<GroupSummary?> GetSummaryAsync(Caller caller);

    /// <summary>The member's role, or null; used by other areas' grains to authorize group members.</summary>
    [Alias("GetMemberRole")]
    Task<string?> GetMemberRoleAsync(string userId);

    /// <summary>
    /// Registers a grain inside the group that keeps a copy of its members (GroupMembership) and answers the members'
    /// roles by user id: from now on, removing a member tells the watcher before the removal returns. Kept with the
    /// group's state, so it holds across the group's reactivations.
    /// </summary>
    [Alias("WatchMemberRoles")]
    Task<Dictionary<string, string>> WatchMembersAsync(GroupWatcher watcher);

    [Alias("AddMember")]
    Task<GroupMember> AddMemberAsync(Caller caller, NewMember member);

    [Alias("RemoveMember")]
    Task RemoveMemberAsync(Caller caller, string userId);

    [Alias("RequestJoin")]
    Task<JoinRequest> RequestJoinAsync(Caller caller);

    [Alias("ApproveJoin")]
    Task<GroupMember> ApproveJoinAsync(Caller caller, string userId);

    /// <summary>The pending requests, oldest first; the leader and admins only.</summary>
    [Alias("ListJoinRequests")]
    Task<IReadOnlyList<JoinRequest>> ListJoinRequestsAsync(Caller caller);

    /// <summary>Drops a pending request; the teacher may ask again.</summary>
    [Alias("DeclineJoin")]
    Task DeclineJoinAsync(Caller caller, string userId);

    [Alias("PostMessage")]
    Task<MessagePosted> PostMessageAsync(Caller caller, CommandId command, string text);

    /// <summary>Called by the grains of other areas (observations, lesson preparation) when they schedule a session in the group.</summary>
    [Alias("ScheduleSession")]
    Task ScheduleSessionAsync(GroupSession session);
}
