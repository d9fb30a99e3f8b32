using System.Text.Json;
using Collab.Grains.Classrooms;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Classrooms.Events;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using static Collab.Grains.Tests.Classrooms.ClassroomSample;

namespace Collab.Grains.Tests.Classrooms;

/// <summary>The classroom's rules, without Orleans: roles, the lesson's and the questions' statuses, answers, counts, views.</summary>
public sealed class ClassroomDocumentTests
{
    private static string Code(Action action) => Assert.Throws<CollabException>(action).Code;

    private static string Json(object value) => LiveJson.Serialize(value);

    [Fact]
    public void Setup_takes_the_host_class_teacher_as_host_the_linked_teachers_as_assistants_and_every_student()
    {
        var room = Document(out var state);
        Assert.Equal(Host.UserId, room.Info.HostId);
        Assert.Equal(["c-host", "c-a", "c-b"], room.Info.Classes.Select(c => c.ClassId));
        Assert.Equal([Host.UserId, AssistantA.UserId, AssistantB.UserId], room.Info.Classes.Select(c => c.TeacherId));
        Assert.Equal(["城区实验中学", "李家村中学", "赵庄中学"], room.Info.Classes.Select(c => c.SchoolName));
        Assert.Equal([2, 2, 1], room.Info.Classes.Select(c => c.StudentCount));
        Assert.Equal("c-a", room.ClassOf(StudentA.UserId));
        Assert.Null(room.ClassOf(Outsider.UserId));
        Assert.True(room.IsStaff(AssistantB.UserId));
        Assert.False(room.IsStaff(OtherTeacher.UserId));
        Assert.Equal(ClassroomStatuses.Scheduled, room.Info.Status);
        Assert.Equal(8, ClassroomSetup.Members(new ClassroomSetup.Built(state.Info!, state.StudentClasses, state.ClassTeachers)).Count());
    }

    [Theory]
    [InlineData("student")]
    [InlineData("admin")]
    public void Only_teachers_set_up_a_classroom(string role)
    {
        Assert.Equal(ErrorCodes.Forbidden, Code(() => ClassroomSetup.Check(Host with { Role = role }, Command())));
    }

    [Fact]
    public void Setup_refuses_bad_fields_and_a_teacher_who_does_not_teach_the_host_class()
    {
        var command = Command();
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => ClassroomSetup.Check(Host, command with { Title = " " })));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => ClassroomSetup.Check(Host, command with { Subject = null })));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => ClassroomSetup.Check(Host, command with { StartsAt = null })));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => ClassroomSetup.Check(Host, command with { HostClassId = "" })));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => ClassroomSetup.Check(Host, command with { LinkedClassIds = ["c-a", "c-a"] })));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => ClassroomSetup.Check(Host, command with { LinkedClassIds = ["c-host"] })));
        Assert.Equal(ErrorCodes.TooLarge, Code(() => ClassroomSetup.Check(Host, command with { Title = new string('x', 201) })));
        Assert.Equal(ErrorCodes.TooLarge, Code(() => ClassroomSetup.Check(Host, command with { LinkedClassIds = Enumerable.Range(0, 41).Select(i => $"c{i}").ToList() })));
        var plan = ClassroomSetup.Check(AssistantA, command);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => ClassroomSetup.Build("cr", AssistantA, plan, [HostClass(), ClassA()], new Dictionary<string, Interfaces.Directory.DirectoryPerson>())));
    }

    [Fact]
    public void Only_the_host_starts_and_ends_and_an_ended_lesson_does_not_start_again()
    {
        var room = Document(out _);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.WouldStart(AssistantA)));
        Assert.Equal(ErrorCodes.NotOpen, Code(() => room.CheckPush(Host, SingleChoice)));
        Assert.True(room.WouldStart(Host));
        room.Start(Now);
        Assert.False(room.WouldStart(Host));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.WouldEnd(StudentA)));
        Assert.True(room.WouldEnd(Host));
        room.End(Now);
        Assert.False(room.WouldEnd(Host));
        Assert.Equal(ErrorCodes.Closed, Code(() => room.WouldStart(Host)));
        Assert.Equal(ErrorCodes.Closed, Code(() => room.CheckPush(Host, SingleChoice)));
    }

    [Theory]
    [InlineData(WithoutKey, ErrorCodes.InvalidArgument)]
    [InlineData(Short, ErrorCodes.InvalidArgument)]
    [InlineData("""{"id":"q","kind":"single","stem":"s","options":[{"id":"a","text":"1"},{"id":"b","text":"2"}],"answer":"z"}""", ErrorCodes.InvalidArgument)]
    [InlineData("""{"id":"q","kind":"essay","stem":"s","answer":"a"}""", ErrorCodes.InvalidArgument)]
    [InlineData("""{"id":"q","kind":"truefalse","stem":"","answer":true}""", ErrorCodes.InvalidArgument)]
    [InlineData("""["not an object"]""", ErrorCodes.InvalidArgument)]
    [InlineData("""{"id":"q",""", ErrorCodes.InvalidArgument)]
    [InlineData("null", ErrorCodes.InvalidArgument)]
    public void A_question_without_a_valid_key_or_of_another_kind_is_refused_and_nothing_changes(string question, string code)
    {
        var room = Started(out var state);
        Assert.Equal(code, Code(() => room.CheckPush(Host, question)));
        Assert.Empty(state.Questions);
    }

    [Fact]
    public void Only_the_host_pushes_and_a_question_id_is_used_once()
    {
        var room = Started(out _);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.CheckPush(AssistantA, SingleChoice)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.CheckPush(StudentA, SingleChoice)));
        room.Push(room.CheckPush(Host, SingleChoice), Now);
        Assert.Equal(ErrorCodes.Conflict, Code(() => room.CheckPush(Host, SingleChoice)));
    }

    [Fact]
    public void The_pushed_event_has_no_key_and_a_new_question_closes_the_open_one()
    {
        var room = Started(out _);
        var (closed, pushed) = room.Push(room.CheckPush(Host, SingleChoice), Now);
        Assert.Null(closed);
        var json = Json(pushed);
        Assert.DoesNotContain("answer", json);
        Assert.Equal("q1", pushed.Question.Id);
        var (closedNow, _) = room.Push(room.CheckPush(Host, TrueOrFalse), Now);
        Assert.Equal("q1", closedNow!.QuestionId);
        Assert.Equal(ErrorCodes.Closed, Code(() => room.Answer(StudentA, "q1", "\"b\"", Now)));
        Assert.Equal(2, room.Info.QuestionCount);
    }

    [Fact]
    public void Students_of_every_class_answer_once_each_and_may_replace_until_closed()
    {
        var room = Started(out var state);
        room.Push(room.CheckPush(Host, SingleChoice), Now);
        room.Answer(HostStudent, "q1", "\"a\"", Now);
        room.Answer(StudentA, "q1", "\"b\"", Now);
        room.Answer(StudentB, "q1", "\"b\"", Now);
        room.Answer(HostStudent, "q1", "\"b\"", Now);
        var answers = state.Questions[0].Answers;
        Assert.Equal(3, answers.Count);
        Assert.True(answers[HostStudent.UserId].Correct);
        Assert.Equal("c-b", answers[StudentB.UserId].ClassId);

        room.Close("q1", Now);
        Assert.Equal(ErrorCodes.Closed, Code(() => room.Answer(StudentA2, "q1", "\"b\"", Now)));
        Assert.Equal(ErrorCodes.Closed, Code(() => room.Answer(HostStudent, "q1", "\"c\"", Now)));
        Assert.Equal("b", answers[HostStudent.UserId].Answer.Choice);
    }

    [Fact]
    public void Answers_are_refused_from_outsiders_to_unknown_questions_and_in_bad_shapes()
    {
        var room = Started(out var state);
        Assert.Equal(ErrorCodes.NotFound, Code(() => room.Answer(StudentA, "q1", "\"b\"", Now)));
        room.Push(room.CheckPush(Host, MultipleChoice), Now);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.Answer(Outsider, "q2", "[\"a\"]", Now)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.Answer(AssistantA, "q2", "[\"a\"]", Now)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.Answer(Host, "q2", "[\"a\"]", Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.Answer(StudentA, "q2", "\"a\"", Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.Answer(StudentA, "q2", "[\"z\"]", Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.Answer(StudentA, "q2", "[]", Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.Answer(StudentA, "q2", "null", Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.Answer(StudentA, "q2", "{", Now)));
        Assert.Empty(state.Questions[0].Answers);
        Assert.False(room.TallyUnpublished);
    }

    [Fact]
    public void A_teacher_counts_only_their_own_class_and_the_host_their_own()
    {
        var room = Started(out var state);
        room.Push(room.CheckPush(Host, SingleChoice), Now);
        var counts = new Dictionary<string, int> { ["a"] = 3, ["b"] = 20 };
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.SubmitTally(AssistantA, "q1", "c-b", counts, Now)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.SubmitTally(Host, "q1", "c-a", counts, Now)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.SubmitTally(OtherTeacher, "q1", "c-a", counts, Now)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.SubmitTally(StudentA, "q1", "c-a", counts, Now)));
        Assert.Equal(ErrorCodes.NotFound, Code(() => room.SubmitTally(AssistantA, "q1", "c-x", counts, Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.SubmitTally(AssistantA, "q1", "c-a", new Dictionary<string, int> { ["z"] = 1 }, Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.SubmitTally(AssistantA, "q1", "c-a", new Dictionary<string, int> { ["a"] = -1 }, Now)));
        Assert.Equal(ErrorCodes.InvalidArgument, Code(() => room.SubmitTally(AssistantA, "q1", "c-a", new Dictionary<string, int>(), Now)));
        Assert.Empty(state.Questions[0].Counts);

        room.SubmitTally(AssistantA, "q1", "c-a", counts, Now);
        room.SubmitTally(Host, "q1", "c-host", new Dictionary<string, int> { ["b"] = 1 }, Now);
        var tally = room.PublishTally()!;
        Assert.Equal(new ClassTally("c-a", 23, 20, counts, true), tally.PerClass[1] with { Counts = counts });
        Assert.Equal(new TallyTotal(24, 21), tally.Total);

        room.Close("q1", Now);
        Assert.Equal(ErrorCodes.Closed, Code(() => room.SubmitTally(AssistantA, "q1", "c-a", counts, Now)));
    }

    [Fact]
    public void Close_and_reveal_are_the_hosts_and_the_reveal_carries_the_key_and_the_total()
    {
        var room = Started(out _);
        room.Push(room.CheckPush(Host, FillIn), Now);
        room.Answer(StudentA, "q4", "[\"３\"]", Now);
        room.Answer(StudentB, "q4", "[\"4\"]", Now);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.WouldClose(AssistantA, "q4")));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.WouldReveal(StudentA, "q4")));
        Assert.Equal(ErrorCodes.NotFound, Code(() => room.WouldClose(Host, "q9")));
        var (closed, revealed) = room.Reveal("q4", Now);
        Assert.Equal("q4", closed!.QuestionId);
        Assert.Equal("""[["3","三"]]""", revealed.Answer.GetRawText());
        Assert.Equal(new TallyTotal(2, 1), revealed.Total);
        Assert.False(room.WouldReveal(Host, "q4"));
        Assert.False(room.WouldClose(Host, "q4"));
    }

    [Fact]
    public void Students_see_no_key_and_no_tally_before_the_reveal_and_then_only_the_total()
    {
        var room = Started(out _);
        room.Push(room.CheckPush(Host, SingleChoice), Now);
        room.Answer(StudentA, "q1", "\"b\"", Now);
        var online = new[] { StudentA.UserId, StudentB.UserId, HostStudent.UserId };

        var student = ClassroomViews.SnapshotFor(room, StudentA, online);
        Assert.Null(student.Question!.Answer);
        Assert.Null(student.Tally);
        Assert.Equal("\"b\"", student.MyAnswer!.Value.GetRawText());
        Assert.Equal("student", student.Role);
        Assert.DoesNotContain("\"answer\"", Json(student));

        var assistant = ClassroomViews.SnapshotFor(room, AssistantA, online);
        Assert.Null(assistant.Question!.Answer);
        Assert.Equal(3, assistant.Tally!.PerClass!.Count);
        Assert.Equal([1, 1, 1], assistant.Classes.Select(c => c.Online));

        var host = ClassroomViews.SnapshotFor(room, Host, online);
        Assert.Equal("\"b\"", host.Question!.Answer!.Value.GetRawText());

        room.Close("q1", Now);
        Assert.Null(ClassroomViews.SnapshotFor(room, StudentA, online).Question!.Answer);
        room.Reveal("q1", Now);
        var revealed = ClassroomViews.SnapshotFor(room, StudentB, online);
        Assert.Equal("\"b\"", revealed.Question!.Answer!.Value.GetRawText());
        Assert.Null(revealed.Tally!.PerClass);
        Assert.Equal(new TallyTotal(1, 1), revealed.Tally.Total);
        Assert.Null(revealed.MyAnswer);
    }

    [Fact]
    public void Viewers_are_the_classes_people_and_admins_and_the_report_is_for_teachers()
    {
        var room = Started(out _);
        room.RequireViewer(StudentB);
        room.RequireViewer(AssistantA);
        room.RequireViewer(Admin);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.RequireViewer(Outsider)));
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.RequireViewer(OtherTeacher)));
        room.RequireReader(AssistantB);
        Assert.Equal(ErrorCodes.Forbidden, Code(() => room.RequireReader(StudentA)));
        Assert.Equal(ErrorCodes.NotFound, Code(() => new ClassroomDocument("none", new ClassroomState()).RequireViewer(Host)));
    }

    [Fact]
    public void The_report_gives_each_question_per_class_with_counts_and_correct_rates()
    {
        var room = Started(out _);
        room.Push(room.CheckPush(Host, SingleChoice), Now);
        room.Answer(HostStudent, "q1", "\"b\"", Now);
        room.Answer(HostStudent2, "q1", "\"a\"", Now);
        room.Answer(StudentA, "q1", "\"b\"", Now);
        room.SubmitTally(AssistantB, "q1", "c-b", new Dictionary<string, int> { ["b"] = 30, ["c"] = 10 }, Now);
        room.Push(room.CheckPush(Host, TrueOrFalse), Now);
        room.Answer(StudentB, "q3", "false", Now);
        room.End(Now);

        var report = room.Report();
        Assert.Equal(ClassroomStatuses.Ended, report.Status);
        Assert.Equal(["q1", "q3"], report.Questions.Select(q => q.QuestionId));
        Assert.All(report.Questions, q => Assert.Equal(QuestionStatuses.Closed, q.Status));
        var q1 = report.Questions[0];
        Assert.Equal((2, 1, 0.5), (q1.PerClass[0].Answered, q1.PerClass[0].Correct, q1.PerClass[0].CorrectRate));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1 }, q1.PerClass[0].Counts);
        Assert.Equal((1, 1, 1.0), (q1.PerClass[1].Answered, q1.PerClass[1].Correct, q1.PerClass[1].CorrectRate));
        Assert.Equal((40, 30, 0.75, true), (q1.PerClass[2].Answered, q1.PerClass[2].Correct, q1.PerClass[2].CorrectRate, q1.PerClass[2].FromCount));
        Assert.Equal(new TallyTotal(43, 32), q1.Total);
        var q3 = report.Questions[1];
        Assert.Equal(new Dictionary<string, int> { ["false"] = 1 }, q3.PerClass[2].Counts);
        Assert.Equal(0, q3.PerClass[0].CorrectRate);
    }

    [Fact]
    public void Replaying_the_logged_events_rebuilds_the_answers_the_counts_and_the_unpublished_flag()
    {
        var room = Started(out var state);
        room.Push(room.CheckPush(Host, MultipleChoice), Now);
        var answered = room.Answer(StudentA, "q2", "[\"c\",\"a\"]", Now);
        var counted = room.SubmitTally(AssistantB, "q2", "c-b", new Dictionary<string, int> { ["correct"] = 4, ["wrong"] = 2 }, Now);

        var fresh = new ClassroomState { Info = state.Info, StudentClasses = state.StudentClasses, ClassTeachers = state.ClassTeachers };
        fresh.Questions.Add(new PushedQuestion { Question = state.Questions[0].Question, PushedAt = Now });
        var replayed = new ClassroomDocument("cr-1", fresh);
        replayed.Replay(AnswerRecordedEvent.Type, Json(answered));
        replayed.Replay(TallySubmittedEvent.Type, Json(counted));
        Assert.True(replayed.TallyUnpublished);
        Assert.Equal(Json(room.PublishTally()!), Json(replayed.PublishTally()!));
        replayed.Replay(AnswerRecordedEvent.Type, Json(answered));
        replayed.Replay(TallyUpdatedEvent.Type, "{}");
        Assert.False(replayed.TallyUnpublished);
        Assert.True(fresh.Questions[0].Answers[StudentA.UserId].Correct);
        Assert.Throws<InvalidOperationException>(() => replayed.Replay("question.pushed", "{}"));
    }
}
