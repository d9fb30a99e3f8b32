using System.Text.Json;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Classrooms.Events;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Tests.Cluster;
using Collab.Grains.Tests.Tutoring;
using static Collab.Grains.Tests.Classrooms.ClassroomSample;

namespace Collab.Grains.Tests.Classrooms;

/// <summary>The classroom grain on the in-process cluster: roles and refusals, the throttled tally, idempotency, reactivation mid-question.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClassroomGrainTests(ClusterFixture fixture)
{
    private static async Task<string> RefusalAsync(Func<Task> call) => (await Assert.ThrowsAsync<CollabException>(call)).Code;

    private static JsonElement Snapshot(string json) => JsonDocument.Parse(json).RootElement;

    private (string Suffix, CreateClassroom Command) Directory()
    {
        var suffix = $"-{Guid.NewGuid():N}"[..9];
        foreach (var found in new[] { HostClass(suffix), ClassA(suffix), ClassB(suffix), OtherClass(suffix) })
        {
            fixture.People.Put(found);
        }
        foreach (var teacher in Teachers)
        {
            fixture.People.Put(teacher);
        }
        return (suffix, Command(suffix));
    }

    private async Task<(IClassroomGrain Room, string Suffix)> LiveAsync(string? question = null)
    {
        var (suffix, command) = Directory();
        var room = fixture.Grains.GetGrain<IClassroomGrain>($"cr-{Guid.NewGuid():N}");
        await room.CreateAsync(Host, command);
        await room.StartAsync(Host);
        if (question is not null)
        {
            await room.PushQuestionAsync(Host, new CommandId("host", 1), question);
        }
        return (room, suffix);
    }

    [Fact]
    public async Task Only_a_teacher_of_the_host_class_creates_a_classroom_of_directory_classes()
    {
        var (suffix, command) = Directory();
        var room = fixture.Grains.GetGrain<IClassroomGrain>($"cr-{Guid.NewGuid():N}");
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.CreateAsync(StudentA, command)));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.CreateAsync(AssistantA, command)));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => room.CreateAsync(Host, command with { LinkedClassIds = ["c-nowhere"] })));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => room.GetAsync(Host)));

        var info = await room.CreateAsync(Host, command);
        Assert.Equal([$"c-host{suffix}", $"c-a{suffix}", $"c-b{suffix}"], info.Classes.Select(c => c.ClassId));
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => room.CreateAsync(Host, command)));
        Assert.Equal(info.Classes, (await room.GetAsync(StudentB)).Classes);
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.GetAsync(Outsider)));
        foreach (var member in new[] { Host, AssistantA, AssistantB, HostStudent, StudentA, StudentB })
        {
            Assert.Contains(room.GetPrimaryKeyString(), await fixture.Grains.GetGrain<IUserClassroomsGrain>(member.UserId).ListAsync());
        }
        Assert.DoesNotContain(room.GetPrimaryKeyString(), await fixture.Grains.GetGrain<IUserClassroomsGrain>(Outsider.UserId).ListAsync());
    }

    [Fact]
    public async Task Every_refusal_changes_nothing()
    {
        var (room, suffix) = await LiveAsync(SingleChoice);
        await room.AnswerAsync(StudentA, new CommandId("a1", 1), "q1", "\"b\"");
        var before = (await room.JoinAsync(Host)).Seq;

        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.AnswerAsync(Outsider, new CommandId("x", 1), "q1", "\"b\"")));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.JoinAsync(Outsider)));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() =>
            room.SubmitTallyAsync(AssistantA, new CommandId("ta", 1), "q1", $"c-b{suffix}", new Dictionary<string, int> { ["b"] = 3 })));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => room.PushQuestionAsync(Host, new CommandId("host", 2), WithoutKey)));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.PushQuestionAsync(AssistantA, new CommandId("ta", 2), TrueOrFalse)));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.CloseQuestionAsync(AssistantA, "q1")));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.RevealAnswerAsync(StudentA, "q1")));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => room.ReportAsync(StudentA)));
        Assert.Equal((await room.JoinAsync(Host)).Seq, before);

        await room.CloseQuestionAsync(Host, "q1");
        var closed = (await room.JoinAsync(Host)).Seq;
        Assert.Equal(ErrorCodes.Closed, await RefusalAsync(() => room.AnswerAsync(StudentB, new CommandId("b1", 1), "q1", "\"b\"")));
        Assert.Equal(ErrorCodes.Closed, await RefusalAsync(() => room.AnswerAsync(StudentA, new CommandId("a1", 2), "q1", "\"c\"")));
        Assert.Equal(closed, (await room.JoinAsync(Host)).Seq);
        var report = await room.ReportAsync(AssistantB);
        Assert.Equal([0, 1, 0], report.Questions[0].PerClass.Select(c => c.Answered));
        Assert.Equal(1, report.Questions[0].PerClass[1].Counts["b"]);
    }

    [Fact]
    public async Task The_tally_reaches_host_and_teachers_throttled_and_students_get_only_the_reveal()
    {
        var (room, suffix) = await LiveAsync();
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, room, Host.UserId, StudentA.UserId);
        await room.PushQuestionAsync(Host, new CommandId("host", 1), SingleChoice);
        var pushed = await watcher.WaitForAsync(QuestionPushedEvent.Type);
        Assert.True(pushed.IsForEveryone);
        Assert.DoesNotContain("\"answer\"", pushed.DataJson);

        var students = new[] { HostStudent, HostStudent2, StudentA, StudentA2, StudentB };
        foreach (var (student, index) in students.Select((s, i) => (s, i)))
        {
            await room.AnswerAsync(student, new CommandId(student.UserId, 1), "q1", index % 2 == 0 ? "\"b\"" : "\"a\"");
        }
        await room.SubmitTallyAsync(AssistantB, new CommandId("tb", 1), "q1", $"c-b{suffix}", new Dictionary<string, int> { ["b"] = 20, ["c"] = 5 });

        var last = await watcher.WaitForAsync(TallyUpdatedEvent.Type, data => data.GetProperty("total").GetProperty("answered").GetInt32() == 29);
        var tallies = watcher.Events.Where(e => e.Type == TallyUpdatedEvent.Type).ToList();
        Assert.All(tallies, e => Assert.Equal(ClassroomViewsGroup, e.AudienceGroup));
        Assert.True(tallies.Count < students.Length + 1, $"{tallies.Count} tallies for {students.Length + 1} changes");
        var data = Snapshot(last.DataJson);
        Assert.Equal(22, data.GetProperty("total").GetProperty("correct").GetInt32());
        Assert.True(data.GetProperty("perClass")[2].GetProperty("fromCount").GetBoolean());
        var answers = watcher.Events.Where(e => e.Type == AnswerRecordedEvent.Type).OrderBy(e => e.Seq).ToList();
        Assert.Equal(students.Select(s => s.UserId), answers.Select(e => e.Audience));

        await room.RevealAnswerAsync(Host, "q1");
        var revealed = await watcher.WaitForAsync(AnswerRevealedEvent.Type);
        Assert.True(revealed.IsForEveryone);
        Assert.Equal("\"b\"", Snapshot(revealed.DataJson).GetProperty("answer").GetRawText());
        Assert.Equal(29, Snapshot(revealed.DataJson).GetProperty("total").GetProperty("answered").GetInt32());
        Assert.Contains(watcher.Events, e => e.Type == QuestionClosedEvent.Type);
    }

    private const string ClassroomViewsGroup = Collab.Grains.Classrooms.ClassroomViews.StaffGroup;

    [Fact]
    public async Task An_answer_resent_with_its_command_id_is_answered_again_and_changes_nothing()
    {
        var (room, _) = await LiveAsync(TrueOrFalse);
        var first = await room.AnswerAsync(StudentA, new CommandId("phone", 5), "q3", "true");
        var seq = (await room.JoinAsync(Host)).Seq;
        Assert.Equal(first, await room.AnswerAsync(StudentA, new CommandId("phone", 5), "q3", "false"));
        Assert.Equal(seq, (await room.JoinAsync(Host)).Seq);
        Assert.Equal("true", Snapshot((await room.JoinAsync(StudentA)).SnapshotJson).GetProperty("myAnswer").GetRawText());

        await room.AnswerAsync(StudentA, new CommandId("phone", 6), "q3", "false");
        Assert.Equal("false", Snapshot((await room.JoinAsync(StudentA)).SnapshotJson).GetProperty("myAnswer").GetRawText());
    }

    [Fact]
    public async Task A_classroom_reactivated_mid_question_keeps_its_answers_its_open_question_and_its_hidden_key()
    {
        var (room, suffix) = await LiveAsync(MultipleChoice);
        var accepted = await room.AnswerAsync(StudentA, new CommandId("phone-a", 1), "q2", "[\"a\",\"c\"]");
        await room.AnswerAsync(StudentB, new CommandId("phone-b", 1), "q2", "[\"a\"]");
        await room.SubmitTallyAsync(Host, new CommandId("host", 2), "q2", $"c-host{suffix}", new Dictionary<string, int> { ["correct"] = 2 });
        Assert.NotEmpty(fixture.LiveEvents.Seqs($"classroom/{room.GetPrimaryKeyString()}"));

        await fixture.DeactivateAllAsync();

        var student = Snapshot((await room.JoinAsync(StudentA)).SnapshotJson);
        Assert.Equal(QuestionStatuses.Open, student.GetProperty("question").GetProperty("status").GetString());
        Assert.False(student.GetProperty("question").TryGetProperty("answer", out _));
        Assert.Equal(JsonValueKind.Null, student.GetProperty("tally").ValueKind);
        Assert.Equal("[\"a\",\"c\"]", student.GetProperty("myAnswer").GetRawText());
        var host = Snapshot((await room.JoinAsync(Host)).SnapshotJson);
        Assert.Equal("[\"a\",\"c\"]", host.GetProperty("question").GetProperty("answer").GetRawText());
        Assert.Equal([2, 1, 1], host.GetProperty("tally").GetProperty("perClass").EnumerateArray().Select(c => c.GetProperty("answered").GetInt32()));

        Assert.Equal(accepted, await room.AnswerAsync(StudentA, new CommandId("phone-a", 1), "q2", "[\"b\"]"));
        await room.AnswerAsync(StudentA2, new CommandId("phone-a2", 1), "q2", "[\"c\",\"a\"]");
        var report = await room.ReportAsync(Host);
        Assert.Equal((2, 2), (report.Questions[0].PerClass[1].Answered, report.Questions[0].PerClass[1].Correct));
    }
}
