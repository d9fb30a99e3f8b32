using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Groups;

/// <summary>
/// The rules of one teaching-research group over its state (PROTOCOL §1): who is a member and who leads, who sees
/// what, the bounds on members, join requests, sessions and the feed. Pure: it is told the time and the caller,
/// validates before it changes anything, and returns what changed; the grain emits, stores and calls other grains
/// around it. A post is applied by <see cref="Record"/> both when it is sent and when activation replays it, so the
/// two cannot differ.
/// </summary>
public sealed class GroupDocument(string id, GroupState state)
{
    public bool Exists => state.Info is not null;

    public GroupInfo Info => state.Info ?? throw CollabException.NotFound($"group {id}");

    public string? RoleOf(string userId) => state.Members.Find(m => m.UserId == userId)?.Role;

    public GroupMember? Member(string userId) => state.Members.Find(m => m.UserId == userId);

    public void RequireCreator(Caller caller)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers create teaching-research groups");
        }
        if (Exists)
        {
            throw CollabException.Conflict($"group {id} already exists");
        }
    }

    /// <summary>The creator, as the directory shows them, leads the new group.</summary>
    public void Create(GroupInfo info, Caller leader, DateTimeOffset now)
    {
        state.Info = info;
        state.CreatedBy = leader.UserId;
        state.CreatedAt = now;
        state.Members.Add(new GroupMember(leader.UserId, leader.Name, leader.School, leader.County, GroupRoles.Leader));
    }

    /// <summary>Members and admins see the members and sessions; teachers outside see the group itself; the leader and admins the requests.</summary>
    public GroupView View(Caller caller)
    {
        var info = Info;
        var role = RoleOf(caller.UserId);
        if (role is null && !caller.IsTeacher && !caller.IsAdmin)
        {
            throw NotMember();
        }
        var seesMembers = role is not null || caller.IsAdmin;
        return new GroupView(info, role, state.Members.Count,
            seesMembers ? state.Members : [],
            seesMembers ? state.Sessions : [],
            role == GroupRoles.Leader || caller.IsAdmin ? state.JoinRequests : []);
    }

    public GroupSummary? Summary(Caller caller) =>
        state.Info is { } info && RoleOf(caller.UserId) is { } role
            ? new GroupSummary(info.Id, info.Name, info.Subject, info.Grade, role, state.Members.Count)
            : null;

    /// <summary>The list a watcher of this kind is kept in.</summary>
    public List<string> Watchers(string kind) => kind switch
    {
        GroupWatcher.LessonPlan => state.MemberWatchers,
        GroupWatcher.Observation => state.ObservationWatchers,
        _ => throw CollabException.Invalid($"a group is not watched by a {kind}"),
    };

    public Dictionary<string, string> Roles() => state.Members.ToDictionary(m => m.UserId, m => m.Role);

    public void RequireMember(Caller caller)
    {
        if (RoleOf(caller.UserId) is null)
        {
            throw NotMember();
        }
    }

    public void RequireLeader(Caller caller)
    {
        _ = Info;
        if (RoleOf(caller.UserId) != GroupRoles.Leader && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the leader of group {id} may do this");
        }
    }

    public void RequireRoomForMember()
    {
        if (state.Members.Count >= GroupLimits.Members)
        {
            throw CollabException.Conflict($"group {id} is full ({GroupLimits.Members} members)");
        }
    }

    public GroupMember Admit(GroupMember member)
    {
        state.Members.Add(member);
        return member;
    }

    /// <summary>A member leaves, or the leader removes them; the leader stays.</summary>
    public GroupMember CheckRemoval(Caller caller, string userId)
    {
        _ = Info;
        if (caller.UserId != userId)
        {
            RequireLeader(caller);
        }
        var member = Member(userId) ?? throw CollabException.NotFound($"member {userId} of group {id}");
        return member.Role == GroupRoles.Leader ? throw CollabException.Conflict("the group leader cannot be removed") : member;
    }

    public void Remove(GroupMember member) => state.Members.Remove(member);

    /// <summary>A teacher outside the group may ask to join; the request they already made, if any, is the answer.</summary>
    public JoinRequest? CheckJoinRequest(Caller caller)
    {
        _ = Info;
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers join teaching-research groups");
        }
        if (RoleOf(caller.UserId) is not null)
        {
            throw CollabException.Conflict($"you are already a member of group {id}");
        }
        var pending = state.JoinRequests.Find(r => r.UserId == caller.UserId);
        if (pending is null && state.JoinRequests.Count >= GroupLimits.PendingJoinRequests)
        {
            throw CollabException.Conflict($"group {id} has too many pending join requests");
        }
        return pending;
    }

    public JoinRequest AddJoinRequest(Caller shown, DateTimeOffset now)
    {
        var request = new JoinRequest(shown.UserId, shown.Name, shown.School, shown.County, now);
        state.JoinRequests.Add(request);
        return request;
    }

    public JoinRequest PendingRequest(string userId) =>
        state.JoinRequests.Find(r => r.UserId == userId) ?? throw CollabException.NotFound($"join request of {userId} to group {id}");

    public IReadOnlyList<JoinRequest> JoinRequests => state.JoinRequests.ToList();

    /// <summary>Removes the request; an approved one makes its author a member.</summary>
    public GroupMember? Resolve(JoinRequest request, bool approved)
    {
        state.JoinRequests.Remove(request);
        return approved ? Admit(new GroupMember(request.UserId, request.Name, request.School, request.County, GroupRoles.Member)) : null;
    }

    public GroupMessage Post(Caller caller, CommandId command, string text, DateTimeOffset now)
    {
        RequireMember(caller);
        var body = TextFields.Required(text, "text", GroupLimits.MessageLength, trim: false);
        var author = Member(caller.UserId)?.Name ?? caller.Name;
        var message = new GroupMessage($"m{state.MessageCount + 1}", caller.UserId, author, body, now, command.ClientId, command.ClientSeq);
        Record(message);
        return message;
    }

    /// <summary>A post into the feed, which keeps the latest <see cref="GroupLimits.FeedKept"/>.</summary>
    public void Record(GroupMessage message)
    {
        state.MessageCount++;
        state.Feed.Add(message);
        if (state.Feed.Count > GroupLimits.FeedKept)
        {
            state.Feed.RemoveAt(0);
        }
    }

    /// <summary>A session replaces the one of the same kind and id; the sessions stay in time order, the latest kept.</summary>
    public void Schedule(GroupSession session)
    {
        _ = Info;
        state.Sessions.RemoveAll(s => s.Kind == session.Kind && s.Id == session.Id);
        state.Sessions.Add(session);
        state.Sessions.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        if (state.Sessions.Count > GroupLimits.SessionsKept)
        {
            state.Sessions.RemoveAt(0);
        }
    }

    public object Snapshot(IEnumerable<string> online) => new
    {
        group = new { Info.Id, Info.Name, Info.Subject, Info.Grade, Info.Description, Info.County },
        members = state.Members,
        online = online.Where(u => RoleOf(u) is not null).ToList(),
        sessions = state.Sessions,
        feed = state.Feed,
    };

    private CollabException NotMember() => new(ErrorCodes.NotMember, $"you are not a member of group {id}");
}
