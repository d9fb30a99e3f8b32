using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Groups.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Groups;

/// <summary>
/// A teaching-research group: members, join requests, scheduled sessions and the feed (PROTOCOL §1). A post, the
/// command a busy group gets most, is one row in the event log, not a rewrite of the group; the group itself is written
/// for every other command and as a snapshot every <see cref="LiveStreamOptions.SnapshotEveryEvents"/> posts. Its line in
/// the city-wide catalog (<see cref="IGroupCatalog"/>) is written after every change it shows and at each activation.
/// </summary>
public sealed class GroupGrain(
    [PersistentState("group", StorageNames.Default)] IPersistentState<GroupState> store,
    IOptions<LiveStreamOptions> options,
    IGroupCatalog catalog,
    IPeopleLookup people,
    TimeProvider time,
    ILogger<GroupGrain> logger)
    : LiveGrain<GroupState>(store, options, time, logger), IGroupGrain
{
    protected override string Area => "groups";

    protected override IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string> { MessagePostedEvent.Type };

    private const string Leaders = "leaders";

    /// <summary>The document over the current state, which activation may have replaced.</summary>
    private GroupDocument Group => new(Id, State);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await ReportListingAsync();
    }

    public async Task<GroupInfo> CreateAsync(Caller caller, CreateGroup command)
    {
        Group.RequireCreator(caller);
        var info = GroupRules.NewInfo(Id, command);
        var leader = await people.AsShownAsync(caller);
        await GrainFactory.GetGrain<IUserGroupsGrain>(caller.UserId).AddAsync(Id);
        await RunAsync(() => Group.Create(info, leader, Now));
        await ReportListingAsync();
        return info;
    }

    public Task<GroupView> GetAsync(Caller caller) => Task.FromResult(Group.View(caller));

    public Task<GroupSummary?> GetSummaryAsync(Caller caller) => Task.FromResult(Group.Summary(caller));

    public Task<string?> GetMemberRoleAsync(string userId) => Task.FromResult(Group.Exists ? Group.RoleOf(userId) : null);

    public async Task<Dictionary<string, string>> WatchMembersAsync(GroupWatcher watcher)
    {
        var watchers = Group.Watchers(watcher.Kind);
        if (!watchers.Contains(watcher.Id))
        {
            await RunAsync(() => watchers.Add(watcher.Id));
        }
        return Group.Roles();
    }

    public async Task<GroupMember> AddMemberAsync(Caller caller, NewMember member)
    {
        Group.RequireLeader(caller);
        var userId = TextFields.Required(member.UserId, "userId", GroupLimits.ShortFieldLength);
        if (Group.Member(userId) is { } existing)
        {
            return existing;
        }
        Group.RequireRoomForMember();
        var added = GroupRules.NewMember(userId, member, await people.PersonAsync(userId));
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).AddAsync(Id);
        var admitted = await RunAsync<GroupMember>(() => Admitted(Group.Admit(added)));
        await ReportListingAsync();
        return admitted;
    }

    public async Task RemoveMemberAsync(Caller caller, string userId)
    {
        var member = Group.CheckRemoval(caller, userId);
        await RunAsync(() =>
        {
            Group.Remove(member);
            EmitRevoking(new MemberRemovedEvent(userId, caller.UserId), userId);
        });
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).RemoveAsync(Id);
        await ReportListingAsync();
        await new MemberRemovalNotice(GrainFactory, logger, Id).TellWatchersAsync(State, userId);
    }

    public async Task<JoinRequest> RequestJoinAsync(Caller caller)
    {
        if (Group.CheckJoinRequest(caller) is { } pending)
        {
            return pending;
        }
        var shown = await people.AsShownAsync(caller);
        return await RunAsync<JoinRequest>(() =>
        {
            var request = Group.AddJoinRequest(shown, Now);
            Emit(JoinRequestedEvent.Of(request), audienceGroup: Leaders);
            return request;
        });
    }

    public async Task<GroupMember> ApproveJoinAsync(Caller caller, string userId)
    {
        Group.RequireLeader(caller);
        var request = Group.PendingRequest(userId);
        Group.RequireRoomForMember();
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).AddAsync(Id);
        var admitted = await RunAsync<GroupMember>(() =>
        {
            var member = Group.Resolve(request, approved: true)!;
            Emit(new JoinResolvedEvent(userId, JoinResolvedEvent.Approved, caller.UserId), audienceGroup: Leaders);
            return Admitted(member);
        });
        await ReportListingAsync();
        return admitted;
    }

    public Task<IReadOnlyList<JoinRequest>> ListJoinRequestsAsync(Caller caller)
    {
        Group.RequireLeader(caller);
        return Task.FromResult(Group.JoinRequests);
    }

    public Task DeclineJoinAsync(Caller caller, string userId)
    {
        Group.RequireLeader(caller);
        var request = Group.PendingRequest(userId);
        return RunAsync(() =>
        {
            Group.Resolve(request, approved: false);
            Emit(new JoinResolvedEvent(userId, JoinResolvedEvent.Declined, caller.UserId), audienceGroup: Leaders);
        });
    }

    public Task<MessagePosted> PostMessageAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            var message = Group.Post(caller, command, text, Now);
            Emit(MessagePostedEvent.Of(message));
            return new MessagePosted(message.Id, message.At);
        });

    public Task ScheduleSessionAsync(GroupSession session) =>
        RunAsync(() =>
        {
            Group.Schedule(session);
            Emit(SessionScheduledEvent.Of(session));
        });

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        _ = Group.Info;
        Group.RequireMember(caller);
        return Task.CompletedTask;
    }

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) => Group.RoleOf(caller.UserId) == GroupRoles.Leader ? [Leaders] : [];

    protected override object BuildSnapshot(Caller caller) => Group.Snapshot(OnlineUsersWith(caller));

    protected override void Apply(EventEnvelope logged) => Group.Record(LiveJson.Deserialize<GroupMessage>(logged.DataJson));

    /// <summary>A failed write is logged, not the command's failure: the command is durable, and the next one repairs the line.</summary>
    private async Task ReportListingAsync()
    {
        if (State.Info is not { } info)
        {
            return;
        }
        try
        {
            await catalog.UpsertAsync(GroupRules.Listing(info, State));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Writing the catalog line of group {Group} failed", Id);
        }
    }

    private GroupMember Admitted(GroupMember member)
    {
        Emit(MemberAddedEvent.Of(member));
        return member;
    }
}
