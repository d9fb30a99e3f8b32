using System.Text.Json;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Tests.Cluster;

namespace Collab.Grains.Tests.Exams;

/// <summary>
/// Key changes and the analysis on the test cluster: every attempt is regraded, the change is in the results and the
/// audit, a regrade cut short by a crash is finished after reactivation, and results keep the placement of publishing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamRegradeGrainTests(ClusterFixture fixture)
{
    private static readonly Caller Author = new("t-regrade", "出题老师", Roles.Teacher, "S1", "东城区");
    private static readonly Caller Other = new("t-regrade-other", "别的老师", Roles.Teacher, "S1", "东城区");

    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private Caller Student(string name) => new($"s-{name}-{_tag}", name, Roles.Student, "S1", "东城区");

    private async Task<IExamGrain> PublishedAsync(string[] roster, string[]? classes = null)
    {
        var exam = fixture.Grains.GetGrain<IExamGrain>($"ex-{Guid.NewGuid():N}");
        await exam.CreateAsync(Author, JsonSerializer.Serialize(new
        {
            title = "重评",
            subject = "it",
            opensAt = DateTimeOffset.UtcNow.AddSeconds(-1),
            durationMinutes = 40,
            lateJoinMinutes = 40,
            roster,
            rosterClasses = classes,
            questions = new object[]
            {
                new { id = "q1", kind = "single", points = 2, stem = "单选", options = new[] { new { id = "a", text = "A" }, new { id = "b", text = "B" }, new { id = "c", text = "C" } }, answer = "b" },
                new { id = "q2", kind = "truefalse", points = 1, stem = "判断", answer = true },
                new { id = "q3", kind = "short", points = 5, stem = "简答" },
            },
        }));
        await exam.PublishAsync(Author);
        return exam;
    }

    private IExamAttemptGrain Attempt(IExamGrain exam, Caller student) =>
        fixture.Grains.GetGrain<IExamAttemptGrain>(AttemptKeys.Of(exam.GetPrimaryKeyString(), student.UserId));

    private async Task AnswerAsync(IExamGrain exam, Caller student, bool submit, params (string Question, string Json)[] answers)
    {
        var attempt = Attempt(exam, student);
        await attempt.StartAsync(student);
        var seq = 0;
        foreach (var (question, json) in answers)
        {
            await attempt.SaveAnswerAsync(student, new CommandId("tab", ++seq), question, json);
        }
        if (submit)
        {
            await attempt.SubmitAsync(student);
        }
    }

    private static decimal? Q1(ExamResults results, Caller student) =>
        results.Students.Single(s => s.StudentId == student.UserId).PerQuestion.TryGetValue("q1", out var points) ? points : null;

    [Fact]
    public async Task A_key_change_regrades_submitted_attempts_now_and_running_ones_at_their_submission()
    {
        var done = Student("甲");
        var writing = Student("乙");
        var exam = await PublishedAsync([done.UserId, writing.UserId]);
        await AnswerAsync(exam, done, submit: true, ("q1", "\"c\""), ("q2", "true"));
        await AnswerAsync(exam, writing, submit: false, ("q1", "\"c\""));
        Assert.Equal(0, Q1(await exam.GetResultsAsync(Author), done));

        var regrade = await exam.ChangeKeyAsync(Author, "q1", """{"answer":"c","reason":"原答案印错"}""");

        Assert.Equal(("q1", Author.UserId, "原答案印错"), (regrade.QuestionId, regrade.By, regrade.Reason));
        var results = await exam.GetResultsAsync(Author);
        Assert.Equal(2, Q1(results, done));
        Assert.Equal(3, results.Students.Single(s => s.StudentId == done.UserId).Score);
        Assert.Equal([regrade], results.Regrades);
        await Attempt(exam, writing).SubmitAsync(writing);
        Assert.Equal(2, Q1(await exam.GetResultsAsync(Author), writing));
        Assert.Equal("c", (await exam.GetPaperAsync()).Single(q => q.Id == "q1").Key!.Choice);
    }

    [Fact]
    public async Task Only_the_author_or_an_admin_changes_a_key_and_a_refused_change_changes_nothing()
    {
        var student = Student("丙");
        var exam = await PublishedAsync([student.UserId]);
        await AnswerAsync(exam, student, submit: true, ("q1", "\"c\""));

        async Task RefusedAsync(string code, Func<Task> call) => Assert.Equal(code, (await Assert.ThrowsAsync<CollabException>(call)).Code);
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.ChangeKeyAsync(Other, "q1", """{"answer":"c","reason":"r"}"""));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.ChangeKeyAsync(student, "q1", """{"answer":"c","reason":"r"}"""));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.ChangeKeyAsync(Author, "q1", """{"answer":"c"}"""));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.ChangeKeyAsync(Author, "q3", """{"answer":"c","reason":"r"}"""));
        await RefusedAsync(ErrorCodes.NotFound, () => exam.ChangeKeyAsync(Author, "q9", """{"answer":"c","reason":"r"}"""));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.GetAuditAsync(Other));
        await RefusedAsync(ErrorCodes.Forbidden, () => exam.GetItemAnalysisAsync(Other));
        await RefusedAsync(ErrorCodes.InvalidArgument, () => exam.GetResultsByAsync(Author, "grade"));

        var results = await exam.GetResultsAsync(Author);
        Assert.Equal(0, Q1(results, student));
        Assert.Empty(results.Regrades);
        Assert.Empty(await exam.GetAuditAsync(Author));

        var admin = new Caller("a-regrade", "管理员", Roles.Admin, "", "");
        await exam.ChangeKeyAsync(admin, "q1", """{"answer":"c","reason":"admin"}""");
        Assert.Equal(2, Q1(await exam.GetResultsAsync(Author), student));
    }

    [Fact]
    public async Task A_regrade_cut_short_by_a_crash_is_finished_after_reactivation_and_the_audit_is_kept()
    {
        var student = Student("丁");
        var exam = await PublishedAsync([student.UserId]);
        await AnswerAsync(exam, student, submit: true, ("q1", "\"c\""));
        await exam.ChangeKeyAsync(Author, "q1", """{"answer":"c","reason":"第一次"}""");
        Assert.Equal(2, Q1(await exam.GetResultsAsync(Author), student));
        await exam.ChangeKeyAsync(Author, "q1", """{"answer":"a","reason":"第二次"}""");

        // What storage holds when a silo dies after writing the second change but before the attempt took it in.
        await fixture.DeactivateAllAsync();
        fixture.Storage.Edit<ExamState>("exam", exam.GetGrainId(), state => state.RegradedRevision = 1);
        fixture.Storage.Edit<AttemptState>("examattempt", Attempt(exam, student).GetGrainId(), state =>
        {
            state.Scores["q1"] = 2;
            state.KeyRevision = 1;
        });

        var results = await exam.GetResultsAsync(Author);

        Assert.Equal(0, Q1(results, student));
        Assert.Equal(["第一次", "第二次"], results.Regrades.Select(r => r.Reason));
        var audit = await exam.GetAuditAsync(Author);
        Assert.Equal([AuditActions.KeyChanged, AuditActions.KeyChanged], audit.Select(e => e.Action));
        Assert.Equal(["第一次", "第二次"], audit.Select(e => e.Reason));
    }

    [Fact]
    public async Task Results_keep_the_school_county_and_class_of_publishing_after_the_directory_changes()
    {
        var inClass = Student("戊");
        var named = Student("己");
        fixture.People.Put(new DirectoryPerson(inClass.UserId, "戊", Roles.Student, $"S1-{_tag}", "第一中学", "东城区"));
        fixture.People.Put(new DirectoryPerson(named.UserId, "己", Roles.Student, $"S2-{_tag}", "乡村中学", "西山县"));
        fixture.People.Put(new DirectoryClass($"C1-{_tag}", "七年级一班", "7", $"S1-{_tag}", [], [new ClassStudent(inClass.UserId, "戊")]));
        var exam = await PublishedAsync([named.UserId], [$"C1-{_tag}"]);
        fixture.People.Put(new DirectoryPerson(inClass.UserId, "戊", Roles.Student, $"S2-{_tag}", "乡村中学", "西山县"));
        await AnswerAsync(exam, inClass, submit: true, ("q1", "\"b\""));
        await AnswerAsync(exam, named, submit: true, ("q1", "\"a\""));

        var results = await exam.GetResultsAsync(Author);
        var lines = results.Students.ToDictionary(s => s.StudentId);
        Assert.Equal(($"S1-{_tag}", "东城区", $"C1-{_tag}"), (lines[inClass.UserId].SchoolCode, lines[inClass.UserId].County, lines[inClass.UserId].ClassId));
        Assert.Equal(($"S2-{_tag}", "西山县", (string?)null), (lines[named.UserId].SchoolCode, lines[named.UserId].County, lines[named.UserId].ClassId));

        var bySchool = await exam.GetResultsByAsync(Author, AnalysisDimensions.School);
        Assert.Equal([($"S1-{_tag}", "第一中学", 1, 2m), ($"S2-{_tag}", "乡村中学", 1, 0m)], bySchool.Select(g => (g.Key, g.Name, g.Count, g.Mean!.Value)));
        var items = await exam.GetItemAnalysisAsync(Author);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1, ["c"] = 0 }, items.Single(i => i.QuestionId == "q1").OptionCounts);
        Assert.Equal(0.5m, items.Single(i => i.QuestionId == "q1").Difficulty);
        var analysis = await exam.GetAnalysisAsync(Author);
        Assert.Equal(AnalysisDimensions.All.Order(), analysis.Groups.Keys.Order());
        Assert.Equal(2, analysis.Groups[AnalysisDimensions.County].Count);
    }
}
