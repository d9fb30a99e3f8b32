using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Groups;

/// <summary>PROTOCOL §6: a group names its people as the directory does, whatever a token or a leader typed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupDirectoryTests(ClusterFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private Caller Teacher(string id) => new($"{id}-{_run}", "token name", Roles.Teacher, "token-school", "token-county");

    private DirectoryPerson Listed(Caller caller, string name, string role = Roles.Teacher)
    {
        var person = new DirectoryPerson(caller.UserId, name, role, "S01", "第一中学", "城关区");
        fixture.People.Put(person);
        return person;
    }

    private async Task<IGroupGrain> NewGroupAsync(Caller leader)
    {
        var group = fixture.Grains.GetGrain<IGroupGrain>($"g-{Guid.NewGuid():N}");
        await group.CreateAsync(leader, new CreateGroup("初中数学教研组", "math", "7", null));
        return group;
    }

    [Fact]
    public async Task A_member_added_by_id_is_named_by_the_directory_not_by_what_the_leader_typed()
    {
        var leader = Teacher("leader");
        Listed(leader, "王芳");
        var colleague = Teacher("colleague");
        Listed(colleague, "李娜");
        var group = await NewGroupAsync(leader);

        var added = await group.AddMemberAsync(leader, new NewMember(colleague.UserId, "typed name", "typed school", "typed county"));

        Assert.Equal(new GroupMember(colleague.UserId, "李娜", "第一中学", "城关区", GroupRoles.Member), added);
        var members = (await group.GetAsync(leader)).Members;
        Assert.Equal("王芳", members.Single(m => m.UserId == leader.UserId).Name);
        Assert.Equal("第一中学", members.Single(m => m.UserId == leader.UserId).School);
    }

    [Fact]
    public async Task A_student_of_the_directory_is_refused_and_the_group_is_unchanged()
    {
        var leader = Teacher("leader");
        var student = new Caller($"student-{_run}", "小明", Roles.Student, "S01", "城关区");
        Listed(student, "小明", Roles.Student);
        var group = await NewGroupAsync(leader);

        var error = await Assert.ThrowsAsync<CollabException>(() => group.AddMemberAsync(leader, new NewMember(student.UserId)));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
        Assert.Single((await group.GetAsync(leader)).Members);
    }

    [Fact]
    public async Task Someone_the_directory_does_not_hold_is_not_found_when_only_their_id_is_given()
    {
        var leader = Teacher("leader");
        var group = await NewGroupAsync(leader);

        var error = await Assert.ThrowsAsync<CollabException>(() => group.AddMemberAsync(leader, new NewMember($"nobody-{_run}")));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Single((await group.GetAsync(leader)).Members);
    }

    [Fact]
    public async Task A_join_request_and_a_post_show_the_directorys_name_of_the_teacher()
    {
        var leader = Teacher("leader");
        var asking = Teacher("asking");
        Listed(asking, "赵强");
        var group = await NewGroupAsync(leader);

        var request = await group.RequestJoinAsync(asking);
        Assert.Equal(("赵强", "第一中学", "城关区"), (request.Name, request.School, request.County));
        await group.ApproveJoinAsync(leader, asking.UserId);
        await group.PostMessageAsync(asking, new CommandId("tab", 1), "大家好");

        var feed = System.Text.Json.JsonDocument.Parse((await group.JoinAsync(asking)).SnapshotJson).RootElement.GetProperty("feed");
        Assert.Equal("赵强", feed[feed.GetArrayLength() - 1].GetProperty("name").GetString());
    }
}
