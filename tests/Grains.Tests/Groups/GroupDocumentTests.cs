using System.Text.Json;
using Collab.Grains.Groups;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Tests.Groups;

/// <summary>The rules of a teaching-research group on the document alone: no cluster, the time given by each test.</summary>
public sealed class GroupDocumentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Caller Leader = new("leader", "组长张老师", Roles.Teacher, "一中", "东城区");
    private static readonly Caller Teacher = new("teacher", "王老师", Roles.Teacher, "二中", "西城区");
    private static readonly Caller Outsider = new("outsider", "李老师", Roles.Teacher, "三中", "");
    private static readonly Caller Student = new("student", "小明", Roles.Student, "一中", "");
    private static readonly Caller Admin = new("admin", "管理员", Roles.Admin, "", "");

    private readonly GroupState _state = new();

    private GroupDocument Group => new("g-1", _state);

    private string StateJson => JsonSerializer.Serialize(_state);

    private GroupDocument Created()
    {
        Group.Create(GroupRules.NewInfo("g-1", new CreateGroup("初中数学教研组", "math", "7", null)), Leader, T0);
        Group.Admit(new GroupMember(Teacher.UserId, Teacher.Name, Teacher.School, Teacher.County, GroupRoles.Member));
        return Group;
    }

    /// <summary>A refused command leaves the state exactly as it was.</summary>
    private void Refused(string code, Action call)
    {
        var before = StateJson;
        Assert.Equal(code, Assert.Throws<CollabException>(call).Code);
        Assert.Equal(before, StateJson);
    }

    [Fact]
    public void The_creator_leads_and_a_second_create_is_refused()
    {
        Group.RequireCreator(Leader);
        Created();
        Assert.Equal(GroupRoles.Leader, Group.RoleOf(Leader.UserId));
        Assert.Equal(Leader.UserId, _state.CreatedBy);
        Refused(ErrorCodes.Conflict, () => Group.RequireCreator(Leader));
        Refused(ErrorCodes.Forbidden, () => new GroupDocument("g-2", new GroupState()).RequireCreator(Student));
    }

    [Fact]
    public void Outsiders_see_the_group_but_not_its_members_sessions_or_requests()
    {
        Created();
        Group.AddJoinRequest(Outsider, T0);
        var outside = Group.View(Outsider);
        Assert.Null(outside.MyRole);
        Assert.Equal(2, outside.MemberCount);
        Assert.Empty(outside.Members);
        Assert.Empty(outside.JoinRequests);
        var member = Group.View(Teacher);
        Assert.Equal(2, member.Members.Count);
        Assert.Empty(member.JoinRequests);
        Assert.Single(Group.View(Leader).JoinRequests);
        Assert.Single(Group.View(Admin).JoinRequests);
        Refused(ErrorCodes.NotMember, () => Group.View(Student));
        Assert.Null(Group.Summary(Outsider));
        Assert.Equal(GroupRoles.Member, Group.Summary(Teacher)!.Role);
    }

    [Fact]
    public void Only_the_leader_or_an_admin_leads_and_the_leader_cannot_be_removed()
    {
        Created();
        Refused(ErrorCodes.Forbidden, () => Group.RequireLeader(Teacher));
        Group.RequireLeader(Admin);
        Refused(ErrorCodes.Conflict, () => Group.CheckRemoval(Leader, Leader.UserId));
        Refused(ErrorCodes.Forbidden, () => Group.CheckRemoval(Outsider, Teacher.UserId));
        Refused(ErrorCodes.NotFound, () => Group.CheckRemoval(Leader, Outsider.UserId));
        Assert.Equal(Teacher.UserId, Group.CheckRemoval(Teacher, Teacher.UserId).UserId);
        Assert.Equal(Teacher.UserId, Group.CheckRemoval(Leader, Teacher.UserId).UserId);
    }

    [Fact]
    public void A_join_request_is_made_once_by_a_teacher_outside_within_the_bound()
    {
        Created();
        Refused(ErrorCodes.Forbidden, () => Group.CheckJoinRequest(Student));
        Refused(ErrorCodes.Conflict, () => Group.CheckJoinRequest(Teacher));
        Assert.Null(Group.CheckJoinRequest(Outsider));
        var request = Group.AddJoinRequest(Outsider, T0);
        Assert.Same(request, Group.CheckJoinRequest(Outsider));
        for (var i = 1; i < GroupLimits.PendingJoinRequests; i++)
        {
            Group.AddJoinRequest(Outsider with { UserId = $"t{i}" }, T0);
        }
        Refused(ErrorCodes.Conflict, () => Group.CheckJoinRequest(Outsider with { UserId = "one-too-many" }));
        Assert.Same(request, Group.CheckJoinRequest(Outsider));
        var member = Group.Resolve(request, approved: true);
        Assert.Equal(GroupRoles.Member, Group.RoleOf(Outsider.UserId));
        Assert.Equal(Outsider.Name, member!.Name);
        Refused(ErrorCodes.NotFound, () => Group.PendingRequest(Outsider.UserId));
        Assert.Null(Group.Resolve(Group.PendingRequest("t1"), approved: false));
        Assert.Null(Group.RoleOf("t1"));
    }

    [Fact]
    public void A_full_group_admits_no_one_more()
    {
        Created();
        for (var i = _state.Members.Count; i < GroupLimits.Members; i++)
        {
            Group.Admit(new GroupMember($"m{i}", "老师", "", "", GroupRoles.Member));
        }
        Refused(ErrorCodes.Conflict, Group.RequireRoomForMember);
    }

    [Fact]
    public void A_post_needs_a_member_and_a_bounded_text()
    {
        Created();
        var command = new CommandId("c1", 1);
        Refused(ErrorCodes.NotMember, () => Group.Post(Outsider, command, "hello", T0));
        Refused(ErrorCodes.TooLarge, () => Group.Post(Teacher, command, new string('x', GroupLimits.MessageLength + 1), T0));
        Refused(ErrorCodes.InvalidArgument, () => Group.Post(Teacher, command, "   ", T0));
        var message = Group.Post(Teacher, command, " 大家好 ", T0);
        Assert.Equal(("m1", " 大家好 ", Teacher.Name), (message.Id, message.Text, message.Name));
    }

    /// <summary>Posting and replaying the same messages give the same state: the feed's latest, the count, the ids.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Posts_and_their_replay_agree_and_the_feed_keeps_the_latest(int seed)
    {
        var random = new Random(seed);
        Created();
        var posted = new List<GroupMessage>();
        var count = random.Next(1, GroupLimits.FeedKept * 3);
        for (var i = 0; i < count; i++)
        {
            var author = random.Next(2) == 0 ? Leader : Teacher;
            posted.Add(Group.Post(author, new CommandId("c", i), $"message {random.Next()}", T0.AddSeconds(i)));
        }
        var replayed = new GroupState();
        var replay = new GroupDocument("g-1", replayed);
        foreach (var message in posted)
        {
            replay.Record(message);
        }
        Assert.Equal(count, _state.MessageCount);
        Assert.Equal(posted.TakeLast(GroupLimits.FeedKept), _state.Feed);
        Assert.Equal(JsonSerializer.Serialize(_state.Feed), JsonSerializer.Serialize(replayed.Feed));
        Assert.Equal(_state.MessageCount, replayed.MessageCount);
        Assert.Equal(posted.Select((_, i) => $"m{i + 1}"), posted.Select(m => m.Id));
    }

    /// <summary>Sessions stay in time order, one per kind and id, the latest <see cref="GroupLimits.SessionsKept"/> of them.</summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Scheduled_sessions_stay_ordered_unique_and_bounded(int seed)
    {
        var random = new Random(seed);
        Created();
        var latest = new Dictionary<(string, string), GroupSession>();
        for (var i = 0; i < GroupLimits.SessionsKept * 2; i++)
        {
            var session = new GroupSession(random.Next(2) == 0 ? "observation" : "lessonprep", $"s{random.Next(GroupLimits.SessionsKept)}",
                $"title {i}", T0.AddMinutes(random.Next(10_000)));
            Group.Schedule(session);
            latest[(session.Kind, session.Id)] = session;
        }
        var sessions = _state.Sessions;
        Assert.True(sessions.Count <= GroupLimits.SessionsKept);
        Assert.Equal(sessions.OrderBy(s => s.StartsAt), sessions);
        Assert.Equal(sessions.Count, sessions.Select(s => (s.Kind, s.Id)).Distinct().Count());
        Assert.All(sessions, s => Assert.Equal(latest[(s.Kind, s.Id)], s));
        Refused(ErrorCodes.NotFound, () => new GroupDocument("g-9", new GroupState()).Schedule(sessions[0]));
    }

    [Fact]
    public void A_group_is_watched_by_plans_and_observations_only()
    {
        Created();
        Assert.Same(_state.MemberWatchers, Group.Watchers(GroupWatcher.LessonPlan));
        Assert.Same(_state.ObservationWatchers, Group.Watchers(GroupWatcher.Observation));
        Refused(ErrorCodes.InvalidArgument, () => Group.Watchers("homework"));
    }
}
