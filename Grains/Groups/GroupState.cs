using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Live;

namespace Collab.Grains.Groups;

[GenerateSerializer, Alias("collab.groups.GroupState")]
public sealed class GroupState : LiveState
{
    [Id(0)]
    public GroupInfo? Info { get; set; }

    [Id(1)]
    public string CreatedBy { get; set; } = "";

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public List<GroupMember> Members { get; set; } = [];

    [Id(4)]
    public List<JoinRequest> JoinRequests { get; set; } = [];

    /// <summary>The latest messages, oldest first; older ones are only in the retained event window.</summary>
    [Id(5)]
    public List<GroupMessage> Feed { get; set; } = [];

    [Id(6)]
    public List<GroupSession> Sessions { get; set; } = [];

    [Id(7)]
    public long MessageCount { get; set; }

    /// <summary>Lesson plans told when a member is removed (<see cref="IGroupGrain.WatchMembersAsync"/>).</summary>
    [Id(8)]
    public List<string> MemberWatchers { get; set; } = [];

    /// <summary>Observations told when a member is removed, besides those among the sessions.</summary>
    [Id(9)]
    public List<string> ObservationWatchers { get; set; } = [];
}
