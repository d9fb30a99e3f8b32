using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Tests.Cluster;
using Collab.Grains.Tests.Observations;

namespace Collab.Grains.Tests.Live;

/// <summary>
/// A member who copies a colleague's clientId and next clientSeq off a broadcast event must neither be answered with
/// the colleague's result nor make the colleague's real command look like a resend: command ids are per user, in every
/// area, before and after the grain reactivates from its stored rows.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CommandIdentityTests(ClusterFixture fixture)
{
    private static readonly Caller Leader = new("ci-leader", "王老师", Roles.Teacher, "school-a", "county-a");
    private static readonly Caller Colleague = new("ci-colleague", "李老师", Roles.Teacher, "school-b", "county-b");

    private async Task<IGroupGrain> NewGroupAsync()
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var group = fixture.Grains.GetGrain<IGroupGrain>(groupId);
        await group.CreateAsync(Leader, new CreateGroup("初中数学教研组", "math", "7", null));
        await group.AddMemberAsync(Leader, new NewMember(Colleague.UserId, Colleague.Name, Colleague.School, Colleague.County));
        return group;
    }

    private static async Task<(string Text, string UserId)[]> FeedAsync(IGroupGrain group) =>
        JsonDocument.Parse((await group.JoinAsync(Leader)).SnapshotJson).RootElement.GetProperty("feed").EnumerateArray()
            .Select(m => (m.GetProperty("text").GetString()!, m.GetProperty("userId").GetString()!)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_group_post_under_a_colleagues_command_id_does_not_swallow_the_colleagues_post(bool reactivateBetween)
    {
        var group = await NewGroupAsync();
        var command = new CommandId("leader-tab", 1);

        var impostor = await group.PostMessageAsync(Colleague, command, "冒名的帖子");
        if (reactivateBetween)
        {
            await fixture.DeactivateAllAsync();
        }
        var real = await group.PostMessageAsync(Leader, command, "组长的通知");

        Assert.NotEqual(impostor.MessageId, real.MessageId);
        Assert.Equal([("冒名的帖子", Colleague.UserId), ("组长的通知", Leader.UserId)], await FeedAsync(group));

        await fixture.DeactivateAllAsync();
        Assert.Equal(real, await group.PostMessageAsync(Leader, command, "组长的通知"));
        Assert.Equal(impostor, await group.PostMessageAsync(Colleague, command, "冒名的帖子"));
        Assert.Equal(2, (await FeedAsync(group)).Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_lesson_op_under_a_colleagues_command_id_does_not_make_the_colleagues_edit_a_resend(bool reactivateBetween)
    {
        var group = await NewGroupAsync();
        var plan = fixture.Grains.GetGrain<ILessonPrepGrain>($"lp-{Guid.NewGuid():N}");
        var groupId = group.GetPrimaryKeyString();
        await plan.CreateAsync(Leader, groupId, new CreateLessonPrep("《背影》第一课时", "chinese", "8", null, SectionFormats.Text));
        var command = new CommandId("leader-tab", 1);

        var impostor = await plan.SubmitOpAsync(Colleague, command, "objectives", 0, JsonSerializer.Serialize(new object[] { "X" }));
        if (reactivateBetween)
        {
            await fixture.DeactivateAllAsync();
        }
        var real = await plan.SubmitOpAsync(Leader, command, "objectives", 0, JsonSerializer.Serialize(new object[] { "理解父爱" }));

        Assert.Equal(1, impostor.Revision);
        Assert.Equal(2, real.Revision);
        var text = (await plan.GetAsync(Leader)).Sections.Single(s => s.Key == "objectives").Text;
        Assert.Contains("理解父爱", text);
        Assert.Contains("X", text);

        await fixture.DeactivateAllAsync();
        Assert.Equal(real, await plan.SubmitOpAsync(Leader, command, "objectives", 0, JsonSerializer.Serialize(new object[] { "理解父爱" })));
        Assert.Equal(2, (await plan.GetAsync(Leader)).Revision);
    }

    [Fact]
    public async Task An_observation_note_under_a_colleagues_command_id_is_a_note_of_its_own()
    {
        var scenario = await ObservationScenario.NewAsync(fixture.Grains);
        var grain = await scenario.LiveAsync();
        var command = new CommandId("a-tab", 1);

        var impostor = await grain.AddNoteAsync(scenario.ObserverB, command, "冒名的记录", null, NoteVisibility.Public);
        var real = await grain.AddNoteAsync(scenario.ObserverA, command, "导入自然", null, NoteVisibility.Public);

        Assert.NotEqual(impostor.NoteId, real.NoteId);
        var notes = ObservationScenario.Snapshot(await grain.JoinAsync(scenario.Leader)).GetProperty("notes");
        Assert.Equal(["冒名的记录", "导入自然"], notes.EnumerateArray().Select(n => n.GetProperty("text").GetString()).Order());
    }

    [Fact]
    public async Task A_tutoring_chat_line_under_the_tutors_command_id_does_not_swallow_the_tutors_line()
    {
        var tutor = new Caller("ci-tutor", "张老师", Roles.Teacher, "school-a", "county-a");
        var student = new Caller("ci-student", "小艾", Roles.Student, "school-c", "county-c");
        var room = fixture.Grains.GetGrain<ITutoringRoomGrain>($"tr-{Guid.NewGuid():N}");
        await room.CreateAsync(tutor, new CreateTutoringRoom("初二数学答疑", "数学", 60));
        await room.OpenAsync(tutor);
        await room.RequestHelpAsync(student, new CommandId("s", 1), "方程");
        await room.AdmitNextAsync(tutor);
        var command = new CommandId("tutor-tab", 1);

        var impostor = await room.SendChatAsync(student, command, "冒名");
        var real = await room.SendChatAsync(tutor, command, "先看第一题");

        Assert.NotEqual(impostor, real);
        var snapshot = JsonDocument.Parse((await room.JoinAsync(tutor)).SnapshotJson).RootElement.ToString();
        Assert.Contains("先看第一题", snapshot);
        Assert.Contains("冒名", snapshot);
    }
}
