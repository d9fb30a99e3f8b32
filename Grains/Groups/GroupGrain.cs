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

    private GroupInfo Info => State.Info ?? throw CollabException.NotFound($"group {Id}");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await ReportListingAsync();
    }

    public async Task<GroupInfo> CreateAsync(Caller caller, CreateGroup command)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers create teaching-research groups");
        }
        if (State.Info is not null)
        {
            throw CollabException.Conflict($"group {Id} already exists");
        }
        var info = GroupRules.NewInfo(Id, command);
        var leader = await people.AsShownAsync(caller);
        await GrainFactory.GetGrain<IUserGroupsGrain>(caller.UserId).AddAsync(Id);
        await RunAsync(() =>
        {
            State.Info = info;
            State.CreatedBy = caller.UserId;
            State.CreatedAt = Now;
            State.Members.Add(new GroupMember(leader.UserId, leader.Name, leader.School, leader.County, GroupRoles.Leader));
        });
        await ReportListingAsync();
        return info;
    }

    public Task<GroupView> GetAsync(Caller caller)
    {
        var info = Info;
        var role = RoleOf(caller.UserId);
        if (role is null && !caller.IsTeacher && !caller.IsAdmin)
        {
            throw new CollabException(ErrorCodes.NotMember, $"you are not a member of group {Id}");
        }
        var seesMembers = role is not null || caller.IsAdmin;
        return Task.FromResult(new GroupView(
            info,
            role,
            State.Members.Count,
            seesMembers ? State.Members : [],
            seesMembers ? State.Sessions : [],
            role == GroupRoles.Leader || caller.IsAdmin ? State.JoinRequests : []));
    }

    public Task<GroupSummary?> GetSummaryAsync(Caller caller)
    {
        var role = State.Info is null ? null : RoleOf(caller.UserId);
        return Task.FromResult(role is null
            ? null
            : new GroupSummary(Info.Id, Info.Name, Info.Subject, Info.Grade, role, State.Members.Count));
    }

    public Task<string?> GetMemberRoleAsync(string userId) =>
        Task.FromResult(State.Info is null ? null : RoleOf(userId));

    public async Task<Dictionary<string, string>> WatchMembersAsync(GroupWatcher watcher)
    {
        var watchers = watcher.Kind switch
        {
            GroupWatcher.LessonPlan => State.MemberWatchers,
            GroupWatcher.Observation => State.ObservationWatchers,
            _ => throw CollabException.Invalid($"a group is not watched by a {watcher.Kind}"),
        };
        if (!watchers.Contains(watcher.Id))
        {
            await RunAsync(() => watchers.Add(watcher.Id));
        }
        return State.Members.ToDictionary(m => m.UserId, m => m.Role);
    }

    public async Task<GroupMember> AddMemberAsync(Caller caller, NewMember member)
    {
        RequireLeader(caller);
        var userId = TextFields.Required(member.UserId, "userId", GroupLimits.ShortFieldLength);
        var existing = State.Members.Find(m => m.UserId == userId);
        if (existing is not null)
        {
            return existing;
        }
        RequireRoomForMember();
        var added = GroupRules.NewMember(userId, member, await people.PersonAsync(userId));
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).AddAsync(Id);
        var admitted = await RunAsync<GroupMember>(() => Admit(added));
        await ReportListingAsync();
        return admitted;
    }

    public async Task RemoveMemberAsync(Caller caller, string userId)
    {
        _ = Info;
        var leaving = caller.UserId == userId;
        if (!leaving)
        {
            RequireLeader(caller);
        }
        var member = State.Members.Find(m => m.UserId == userId)
            ?? throw CollabException.NotFound($"member {userId} of group {Id}");
        if (member.Role == GroupRoles.Leader)
        {
            throw CollabException.Conflict("the group leader cannot be removed");
        }
        await RunAsync(() =>
        {
            State.Members.Remove(member);
            EmitRevoking(new MemberRemovedEvent(userId, caller.UserId), userId);
        });
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).RemoveAsync(Id);
        await ReportListingAsync();
        await new MemberRemovalNotice(GrainFactory, logger, Id).TellWatchersAsync(State, userId);
    }

    public async Task<JoinRequest> RequestJoinAsync(Caller caller)
    {
        _ = Info;
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers join teaching-research groups");
        }
        if (RoleOf(caller.UserId) is not null)
        {
            throw CollabException.Conflict($"you are already a member of group {Id}");
        }
        var pending = State.JoinRequests.Find(r => r.UserId == caller.UserId);
        if (pending is not null)
        {
            return pending;
        }
        if (State.JoinRequests.Count >= GroupLimits.PendingJoinRequests)
        {
            throw CollabException.Conflict($"group {Id} has too many pending join requests");
        }
        var shown = await people.AsShownAsync(caller);
        return await RunAsync<JoinRequest>(() =>
        {
            var request = new JoinRequest(shown.UserId, shown.Name, shown.School, shown.County, Now);
            State.JoinRequests.Add(request);
            Emit(JoinRequestedEvent.Of(request), audienceGroup: Leaders);
            return request;
        });
    }

    public async Task<GroupMember> ApproveJoinAsync(Caller caller, string userId)
    {
        RequireLeader(caller);
        var request = State.JoinRequests.Find(r => r.UserId == userId)
            ?? throw CollabException.NotFound($"join request of {userId} to group {Id}");
        RequireRoomForMember();
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).AddAsync(Id);
        var admitted = await RunAsync<GroupMember>(() =>
        {
            State.JoinRequests.Remove(request);
            Emit(new JoinResolvedEvent(userId, JoinResolvedEvent.Approved, caller.UserId), audienceGroup: Leaders);
            return Admit(new GroupMember(request.UserId, request.Name, request.School, request.County, GroupRoles.Member));
        });
        await ReportListingAsync();
        return admitted;
    }

    public Task<IReadOnlyList<JoinRequest>> ListJoinRequestsAsync(Caller caller)
    {
        RequireLeader(caller);
        return Task.FromResult<IReadOnlyList<JoinRequest>>(State.JoinRequests.ToList());
    }

    public Task DeclineJoinAsync(Caller caller, string userId)
    {
        RequireLeader(caller);
        var request = State.JoinRequests.Find(r => r.UserId == userId)
            ?? throw CollabException.NotFound($"join request of {userId} to group {Id}");
        return RunAsync(() =>
        {
            State.JoinRequests.Remove(request);
            Emit(new JoinResolvedEvent(userId, JoinResolvedEvent.Declined, caller.UserId), audienceGroup: Leaders);
        });
    }

    public Task<MessagePosted> PostMessageAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            RequireMember(caller);
            var body = TextFields.Required(text, "text", GroupLimits.MessageLength, trim: false);
            State.MessageCount++;
            var author = State.Members.Find(m => m.UserId == caller.UserId)?.Name ?? caller.Name;
            var message = new GroupMessage($"m{State.MessageCount}", caller.UserId, author, body, Now, command.ClientId, command.ClientSeq);
            AddToFeed(message);
            Emit(MessagePostedEvent.Of(message));
            return new MessagePosted(message.Id, message.At);
        });

    public Task ScheduleSessionAsync(GroupSession session) =>
        RunAsync(() =>
        {
            _ = Info;
            State.Sessions.RemoveAll(s => s.Kind == session.Kind && s.Id == session.Id);
            State.Sessions.Add(session);
            State.Sessions.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
            if (State.Sessions.Count > GroupLimits.SessionsKept)
            {
                State.Sessions.RemoveAt(0);
            }
            Emit(SessionScheduledEvent.Of(session));
        });

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        _ = Info;
        RequireMember(caller);
        return Task.CompletedTask;
    }

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) => RoleOf(caller.UserId) == GroupRoles.Leader ? [Leaders] : [];

    protected override object BuildSnapshot(Caller caller) => new
    {
        group = new { Info.Id, Info.Name, Info.Subject, Info.Grade, Info.Description, Info.County },
        members = State.Members,
        online = OnlineUsersWith(caller).Where(u => RoleOf(u) is not null).ToList(),
        sessions = State.Sessions,
        feed = State.Feed,
    };

    protected override void Apply(EventEnvelope logged)
    {
        State.MessageCount++;
        AddToFeed(LiveJson.Deserialize<GroupMessage>(logged.DataJson));
    }

    private void AddToFeed(GroupMessage message)
    {
        State.Feed.Add(message);
        if (State.Feed.Count > GroupLimits.FeedKept)
        {
            State.Feed.RemoveAt(0);
        }
    }

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

    private GroupMember Admit(GroupMember member)
    {
        State.Members.Add(member);
        Emit(MemberAddedEvent.Of(member));
        return member;
    }

    private string? RoleOf(string userId) => State.Members.Find(m => m.UserId == userId)?.Role;

    private void RequireMember(Caller caller)
    {
        if (RoleOf(caller.UserId) is null)
        {
            throw new CollabException(ErrorCodes.NotMember, $"you are not a member of group {Id}");
        }
    }

    private void RequireLeader(Caller caller)
    {
        _ = Info;
        if (RoleOf(caller.UserId) != GroupRoles.Leader && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the leader of group {Id} may do this");
        }
    }

    private void RequireRoomForMember()
    {
        if (State.Members.Count >= GroupLimits.Members)
        {
            throw CollabException.Conflict($"group {Id} is full ({GroupLimits.Members} members)");
        }
    }
}
