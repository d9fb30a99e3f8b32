using System.Text.Json;
using Collab.Grains.Homework;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Homework;
using Collab.Grains.Interfaces.Homework.Events;
using Collab.Grains.Tests.Classrooms;
using Collab.Grains.Tests.Cluster;
using Collab.Grains.Tests.Tutoring;
using static Collab.Grains.Tests.Homework.HomeworkSample;

namespace Collab.Grains.Tests.Homework;

/// <summary>The homework grain on an in-process cluster whose grain clock and reminders run on a fake clock.</summary>
[Collection(TutoringClusterCollection.Name)]
public sealed class HomeworkGrainTests(TutoringClusterFixture fixture)
{
    private static async Task<string> RefusalAsync(Func<Task> call) => (await Assert.ThrowsAsync<CollabException>(call)).Code;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The setter, the classes' teachers and their students: everyone whose home page lists the homework.</summary>
    private static readonly Caller[] Members = [Master, TeacherA, TeacherB, MasterStudent, ClassroomSample.HostStudent2, StudentA, StudentA2, StudentB];

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private string Directory()
    {
        var suffix = $"-{Guid.NewGuid():N}"[..9];
        foreach (var found in Classes(suffix))
        {
            fixture.People.Put(found);
        }
        foreach (var teacher in ClassroomSample.Teachers)
        {
            fixture.People.Put(teacher);
        }
        return suffix;
    }

    private async Task<(IHomeworkGrain Homework, string Suffix)> SetAsync(TimeSpan? dueIn = null)
    {
        var suffix = Directory();
        var homework = fixture.Grains.GetGrain<IHomeworkGrain>($"hw-{Guid.NewGuid():N}");
        await homework.CreateAsync(Master, Spec(suffix, Now + (dueIn ?? TimeSpan.FromHours(2))));
        return (homework, suffix);
    }

    [Fact]
    public async Task Only_a_teacher_of_a_listed_class_sets_homework_with_keys_and_every_member_lists_it()
    {
        var suffix = Directory();
        var homework = fixture.Grains.GetGrain<IHomeworkGrain>($"hw-{Guid.NewGuid():N}");
        var due = Now + TimeSpan.FromHours(2);
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.CreateAsync(OtherTeacher, Spec(suffix, due))));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.CreateAsync(StudentA, Spec(suffix, due))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.CreateAsync(Master,
            Spec(suffix, due, """[{"id":"q1","kind":"single","points":1,"stem":"无答案","options":[{"id":"a","text":"1"},{"id":"b","text":"2"}]}]"""))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.CreateAsync(Master, Spec(suffix, Now - TimeSpan.FromMinutes(1)))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.CreateAsync(Master, "{\"title\":")));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => homework.CreateAsync(Master, Spec(suffix, due, null, $"c-host{suffix}", "c-nowhere"))));
        var many = "[" + string.Join(",", Enumerable.Range(1, HomeworkLimits.Questions + 1).Select(i => $$"""{"id":"q{{i}}","kind":"truefalse","points":1,"stem":"?","answer":true}""")) + "]";
        Assert.Equal(ErrorCodes.TooLarge, await RefusalAsync(() => homework.CreateAsync(Master, Spec(suffix, due, many))));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => homework.SummaryAsync(Master)));

        // A rural class's teacher may set it too: they teach one of the classes.
        var summary = await homework.CreateAsync(TeacherA, Spec(suffix, due));
        Assert.Equal([$"c-host{suffix}", $"c-a{suffix}", $"c-b{suffix}"], summary.Classes.Select(c => c.ClassId));
        Assert.Equal(10, summary.MaxScore);
        Assert.Equal(ErrorCodes.Conflict, await RefusalAsync(() => homework.CreateAsync(Master, Spec(suffix, due))));
        foreach (var member in new[] { Master, TeacherA, TeacherB, MasterStudent, StudentA, StudentB })
        {
            Assert.Contains(homework.GetPrimaryKeyString(), await fixture.Grains.GetGrain<IUserHomeworkGrain>(member.UserId).ListAsync());
        }
        Assert.DoesNotContain(homework.GetPrimaryKeyString(), await fixture.Grains.GetGrain<IUserHomeworkGrain>(Outsider.UserId).ListAsync());
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.ViewAsync(Outsider)));
    }

    [Fact]
    public async Task A_student_sees_no_key_before_the_due_time_resubmits_idempotently_and_is_refused_after_it()
    {
        var (homework, _) = await SetAsync();
        var before = await homework.ViewAsync(StudentA);
        Assert.DoesNotContain("\"answer\"", before);
        Assert.DoesNotContain("reference", before);
        Assert.DoesNotContain("倾斜程度", before);
        Assert.Contains("\"answer\"", await homework.ViewAsync(Master));

        var first = await homework.SubmitAsync(StudentA, new CommandId("tab", 1), HalfRight);
        Assert.Equal(first, await homework.SubmitAsync(StudentA, new CommandId("tab", 1), AllRight));
        var second = await homework.SubmitAsync(StudentA, new CommandId("tab", 2), AllRight);
        Assert.Equal((1, 2), (first.Revision, second.Revision));
        var mine = JsonDocument.Parse(await homework.ViewAsync(StudentA)).RootElement;
        Assert.Equal("b", mine.GetProperty("mySubmission").GetProperty("answers").GetProperty("q1").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("myResult").ValueKind);

        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.SubmitAsync(Outsider, new CommandId("x", 1), AllRight)));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.SubmitAsync(TeacherA, new CommandId("x", 1), AllRight)));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.SubmitAsync(StudentB, new CommandId("b", 1), """{"q1":"z"}""")));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.SubmitAsync(StudentB, new CommandId("b", 1), """{"q9":"a"}""")));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.SubmitAsync(StudentB, new CommandId("b", 1), "[1,2]")));
        Assert.Equal(ErrorCodes.TooLarge, await RefusalAsync(() => homework.SubmitAsync(StudentB, new CommandId("b", 1), $$"""{"q5":"{{new string('长', 10001)}}"}""")));
        Assert.Equal(1, (await homework.ResultsAsync(Master, null)).Classes.Sum(c => c.Submitted));

        fixture.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(ErrorCodes.DeadlinePassed, await RefusalAsync(() => homework.SubmitAsync(StudentA, new CommandId("tab", 3), HalfRight)));
        var after = JsonDocument.Parse(await homework.ViewAsync(StudentA)).RootElement;
        Assert.Equal("b", after.GetProperty("keys").GetProperty("q1").GetString());
        Assert.Equal(2, after.GetProperty("mySubmission").GetProperty("revision").GetInt32());
        Assert.Equal(7, after.GetProperty("myResult").GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Each_class_teacher_marks_only_their_own_students_and_the_results_compare_the_classes()
    {
        var (homework, suffix) = await SetAsync();
        await homework.SubmitAsync(MasterStudent, new CommandId("h", 1), AllRight);
        await homework.SubmitAsync(StudentA, new CommandId("a", 1), HalfRight);
        await homework.SubmitAsync(StudentA2, new CommandId("a2", 1), AllRight);

        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.MarkAsync(TeacherB, new CommandId("tb", 1), new HomeworkMark(StudentA.UserId, "q5", 3))));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.MarkAsync(OtherTeacher, new CommandId("tx", 1), new HomeworkMark(StudentA.UserId, "q5", 3))));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.MarkAsync(Master, new CommandId("m", 1), new HomeworkMark(StudentA.UserId, "q5", 3))));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.MarkAsync(StudentA, new CommandId("a", 2), new HomeworkMark(StudentA.UserId, "q5", 3))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.MarkAsync(TeacherA, new CommandId("ta", 1), new HomeworkMark(StudentA.UserId, "q5", 4))));
        Assert.Equal(ErrorCodes.InvalidArgument, await RefusalAsync(() => homework.MarkAsync(TeacherA, new CommandId("ta", 1), new HomeworkMark(StudentA.UserId, "q1", 1))));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => homework.MarkAsync(TeacherB, new CommandId("tb", 1), new HomeworkMark(StudentB.UserId, "q5", 1))));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.NextToMarkAsync(OtherTeacher, "q5")));
        Assert.Null(await homework.NextToMarkAsync(TeacherB, "q5"));

        var task = await homework.NextToMarkAsync(TeacherA, "q5");
        Assert.Equal((StudentA.UserId, "不知道", "倾斜程度", 2), (task!.StudentId, task.Answer, task.Reference, task.Remaining));
        var marked = await homework.MarkAsync(TeacherA, new CommandId("ta", 1), new HomeworkMark(StudentA.UserId, "q5", 1));
        Assert.Equal(1, marked.Remaining);
        await homework.MarkAsync(TeacherA, new CommandId("ta", 2), new HomeworkMark(StudentA2.UserId, "q5", 2.5m));
        await homework.MarkAsync(Master, new CommandId("m", 1), new HomeworkMark(MasterStudent.UserId, "q5", 3));

        var results = await homework.ResultsAsync(Master, null);
        Assert.Equal([$"c-host{suffix}", $"c-a{suffix}", $"c-b{suffix}"], results.Classes.Select(c => c.Key));
        Assert.Equal([(2, 1), (2, 2), (1, 0)], results.Classes.Select(c => (c.Count, c.Submitted)));
        // StudentA: q3 and q4 right (1 + 2) and a mark of 1; StudentA2: all objective (7) and 2.5.
        Assert.Equal((6.75m, 6.75m, 9.5m, 4m), (results.Classes[1].Mean!.Value, results.Classes[1].Median!.Value, results.Classes[1].Max!.Value, results.Classes[1].Min!.Value));
        Assert.Equal(10m, results.Classes[0].Max);
        Assert.Null(results.Classes[2].Mean);
        Assert.Equal(5, results.Students.Count);

        var forA = await homework.ResultsAsync(TeacherA, null);
        Assert.Equal(results.Classes, forA.Classes);
        Assert.All(forA.Students, line => Assert.Equal($"c-a{suffix}", line.ClassId));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.ResultsAsync(TeacherA, $"c-host{suffix}")));
        Assert.Equal(ErrorCodes.Forbidden, await RefusalAsync(() => homework.ResultsAsync(StudentA, null)));
        Assert.Equal(ErrorCodes.NotFound, await RefusalAsync(() => homework.ResultsAsync(Master, "c-nowhere")));
        Assert.Equal(2, (await homework.ResultsAsync(Master, $"c-a{suffix}")).Students.Count);

        // A changed short answer loses its mark; an unchanged one keeps it.
        await homework.SubmitAsync(StudentA, new CommandId("a", 2), """{"q1":"b","q5":"不知道"}""");
        await homework.SubmitAsync(StudentA2, new CommandId("a2", 2), """{"q5":"新的想法"}""");
        var again = await homework.ResultsAsync(TeacherA, null);
        Assert.Equal([(3m, 0), (0m, 1)], again.Students.Select(line => (line.Score, line.PendingMarking)));
    }

    [Fact]
    public async Task Submissions_marks_and_command_results_come_back_after_reactivation()
    {
        var (homework, _) = await SetAsync(TimeSpan.FromMinutes(30));
        var first = await homework.SubmitAsync(StudentA, new CommandId("a", 1), HalfRight);
        await homework.MarkAsync(TeacherA, new CommandId("ta", 1), new HomeworkMark(StudentA.UserId, "q5", 2));
        var before = JsonSerializer.Serialize(await homework.ResultsAsync(Master, null));
        var reminder = await fixture.Reminders.ReadRow(homework.GetGrainId(), "deadline");
        Assert.NotNull(reminder);

        await fixture.DeactivateAllAsync();
        Assert.Equal(before, JsonSerializer.Serialize(await homework.ResultsAsync(Master, null)));
        Assert.Equal(first, await homework.SubmitAsync(StudentA, new CommandId("a", 1), AllRight));
    }

    [Fact]
    public async Task The_reminder_closes_the_homework_with_no_activation()
    {
        var (homework, _) = await SetAsync(TimeSpan.FromMinutes(30));
        await homework.SubmitAsync(StudentA, new CommandId("a", 1), HalfRight);
        await homework.MarkAsync(TeacherA, new CommandId("ta", 1), new HomeworkMark(StudentA.UserId, "q5", 2));
        await fixture.DeactivateAllAsync();
        // Only the reminder can close it now: no activation had a timer when the clock moved past the due time, and one
        // made by the watcher's subscription arms no timer once the due time has passed.
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        var watcher = await RoomWatcher.SubscribeAsync(fixture.Grains, homework, Master.UserId);
        // The reminder service's next tick on the moved clock: the reminder fires once the clock moves past a tick it scheduled.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        if ((await homework.ResultsAsync(Master, null)).Status != HomeworkStatuses.Closed)
        {
            await watcher.WaitForAsync(HomeworkClosedEvent.Type);
        }
        Assert.Equal(ErrorCodes.DeadlinePassed, await RefusalAsync(() => homework.SubmitAsync(StudentA, new CommandId("a", 2), AllRight)));
        var results = await homework.ResultsAsync(Master, null);
        Assert.Equal(HomeworkStatuses.Closed, results.Status);
        Assert.Equal(5m, results.Students.Single(s => s.StudentId == StudentA.UserId).Score);
    }

    /// <summary>A homework set while no member's list could store it, and how many list adds that made.</summary>
    private async Task<(IHomeworkGrain Homework, int FailedAdds)> SetWhileListsFailAsync()
    {
        var adds = fixture.Calls.Count(typeof(UserHomeworkGrain), nameof(UserHomeworkGrain.AddAsync));
        fixture.Storage.FailWritesOf = "userhomework";
        try
        {
            var (homework, _) = await SetAsync();
            return (homework, fixture.Calls.Count(typeof(UserHomeworkGrain), nameof(UserHomeworkGrain.AddAsync)) - adds);
        }
        finally
        {
            fixture.Storage.FailWritesOf = null;
        }
    }

    /// <summary>Moves the clock a listing reminder period on and waits for the adds that tick makes.</summary>
    private async Task ListingReminderTickAsync(int expectedAdds)
    {
        var adds = fixture.Calls.Count(typeof(UserHomeworkGrain), nameof(UserHomeworkGrain.AddAsync));
        fixture.Clock.Advance(new HomeworkOptions().ListingReminderPeriod);
        await fixture.Calls.WaitForAsync(typeof(UserHomeworkGrain), nameof(UserHomeworkGrain.AddAsync), adds + expectedAdds, Patience);
    }

    private async Task AssertListedOnceByEveryMemberAsync(IHomeworkGrain homework)
    {
        // Behind the reminder's turn: the homework has recorded what it listed when this answers.
        await homework.SummaryAsync(Master);
        foreach (var member in Members)
        {
            Assert.Single(await fixture.Grains.GetGrain<IUserHomeworkGrain>(member.UserId).ListAsync(), homework.GetPrimaryKeyString());
        }
        Assert.Null(await fixture.Reminders.ReadRow(homework.GetGrainId(), "homework-listing"));
    }

    [Fact]
    public async Task Members_whose_lists_failed_to_store_the_homework_are_listed_by_its_reminder_which_then_goes()
    {
        var (homework, failedAdds) = await SetWhileListsFailAsync();
        Assert.Equal(Members.Length, failedAdds);
        foreach (var member in Members)
        {
            Assert.DoesNotContain(homework.GetPrimaryKeyString(), await fixture.Grains.GetGrain<IUserHomeworkGrain>(member.UserId).ListAsync());
        }
        Assert.NotNull(await fixture.Reminders.ReadRow(homework.GetGrainId(), "homework-listing"));

        await ListingReminderTickAsync(Members.Length);

        await AssertListedOnceByEveryMemberAsync(homework);
    }

    [Fact]
    public async Task A_homework_whose_members_were_not_listed_before_a_restart_lists_them_from_its_reminder()
    {
        var (homework, _) = await SetWhileListsFailAsync();

        // The reminder alone wakes it: no activation is left to retry.
        await fixture.DeactivateAllAsync();
        await ListingReminderTickAsync(Members.Length);

        await AssertListedOnceByEveryMemberAsync(homework);
        await fixture.DeactivateAllAsync();
        await AssertListedOnceByEveryMemberAsync(homework);
    }

    [Fact]
    public async Task A_homework_listed_at_once_leaves_no_listing_reminder()
    {
        var (homework, _) = await SetAsync();

        await AssertListedOnceByEveryMemberAsync(homework);
    }
}
