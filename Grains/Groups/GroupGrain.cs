using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.Groups.Events;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Live;
using Collab.Grains.Observations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Groups;

/// <summary>
/// A teaching-research group: members, join requests, scheduled sessions and the feed (PROTOCOL §1). A post, the
/// command a busy group gets most, is one row in the event log, not a rewrite of the group; the group itself is written
/// for every other command and as a snapshot every <see cref="LiveStreamOptions.SnapshotEveryEvents"/> posts.
/// </summary>
public sealed class GroupGrain(
    [PersistentState("group", StorageNames.Default)] IPersistentState<GroupState> store,
    IOptions<LiveStreamOptions> options,
    TimeProvider time,
    ILogger<GroupGrain> logger)
    : LiveGrain<GroupState>(store, options, time, logger), IGroupGrain
{
    protected override string Area => "groups";

    protected override IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string> { MessagePostedEvent.Type };

    private GroupInfo Info => State.Info ?? throw CollabException.NotFound($"group {Id}");

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
        var info = new GroupInfo(Id,
            TextFields.Required(command.Name, "name", GroupLimits.NameLength),
            TextFields.Required(command.Subject, "subject", GroupLimits.ShortFieldLength),
            TextFields.Required(command.Grade, "grade", GroupLimits.ShortFieldLength),
            TextFields.Optional(command.Description, "description", GroupLimits.DescriptionLength));
        await GrainFactory.GetGrain<IUserGroupsGrain>(caller.UserId).AddAsync(Id);
        return await RunAsync<GroupInfo>(() =>
        {
            State.Info = info;
            State.CreatedBy = caller.UserId;
            State.CreatedAt = Now;
            State.Members.Add(new GroupMember(caller.UserId, caller.Name, caller.School, caller.County, GroupRoles.Leader));
            return info;
        });
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
        var added = new GroupMember(userId,
            TextFields.Required(member.Name, "name", GroupLimits.NameLength),
            TextFields.Optional(member.School, "school", GroupLimits.ShortFieldLength),
            TextFields.Optional(member.County, "county", GroupLimits.ShortFieldLength),
            GroupRoles.Member);
        await GrainFactory.GetGrain<IUserGroupsGrain>(userId).AddAsync(Id);
        return await RunAsync<GroupMember>(() => Admit(added));
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
        var plans = State.MemberWatchers.Select(plan =>
            TellRemovedAsync("lesson plan", plan, () => GrainFactory.GetGrain<ILessonPrepGrain>(plan).MemberRemovedAsync(userId)));
        var observations = State.Sessions.Where(s => s.Kind == ObservationGrain.SessionKind).Select(s => s.Id)
            .Union(State.ObservationWatchers)
            .Select(observation => TellRemovedAsync("observation", observation,
                () => GrainFactory.GetGrain<IObservationGrain>(observation).MemberRemovedAsync(userId)));
        await Task.WhenAll(plans.Concat(observations));
    }

    /// <summary>
    /// A watcher that cannot be told is most often one whose activation is gone with its silo, and its next activation
    /// reads the members afresh; one still running re-reads them within Collab:Live:MembersRereadInterval. So the
    /// failure is logged and the removal stands.
    /// </summary>
    private async Task TellRemovedAsync(string kind, string id, Func<Task> tell)
    {
        try
        {
            await tell();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Telling {Kind} {Id} that a member left group {Group} failed", kind, id, Id);
        }
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
        return await RunAsync<JoinRequest>(() =>
        {
            var request = new JoinRequest(caller.UserId, caller.Name, caller.School, caller.County, Now);
            State.JoinRequests.Add(request);
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
        return await RunAsync<GroupMember>(() =>
        {
            State.JoinRequests.Remove(request);
            return Admit(new GroupMember(request.UserId, request.Name, request.School, request.County, GroupRoles.Member));
        });
    }

    public Task<MessagePosted> PostMessageAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            RequireMember(caller);
            var body = TextFields.Required(text, "text", GroupLimits.MessageLength, trim: false);
            State.MessageCount++;
            var message = new GroupMessage($"m{State.MessageCount}", caller.UserId, caller.Name, body, Now, command.ClientId, command.ClientSeq);
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

    protected override object BuildSnapshot(Caller caller) => new
    {
        group = new { Info.Id, Info.Name, Info.Subject, Info.Grade, Info.Description },
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
