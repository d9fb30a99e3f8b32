using Collab.Grains.Exams;
using Collab.Grains.Exams.Regrading;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Regrading;
using Collab.Grains.Tests.Exams.Logic;

namespace Collab.Grains.Tests.Exams.Regrading;

/// <summary>Key changes on the pure parts: the request's checks, the exam state's record of them, and an attempt's regrade.</summary>
public sealed class KeyChangeTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static PaperQuestion Question(string kind) => SamplePaper.Question(kind);

    private static void Refused(string code, Action call) => Assert.Equal(code, Assert.Throws<CollabException>(call).Code);

    [Theory]
    [InlineData("single", """{"answer":"c","reason":"印刷错误"}""")]
    [InlineData("multiple", """{"answer":["a","b","c"],"reason":"b 也对"}""")]
    [InlineData("truefalse", """{"answer":false,"reason":"题意有歧义"}""")]
    [InlineData("fill", """{"answer":[["3"],["90","直角"]],"reason":"接受直角"}""")]
    public void A_key_of_each_objective_kind_is_taken_with_its_reason(string kind, string body)
    {
        var change = KeyChangeRequest.Parse(Question(kind), body);
        Assert.NotNull(change.Key);
        Assert.False(string.IsNullOrWhiteSpace(change.Reason));
    }

    [Theory]
    [InlineData("single", """{"answer":"c"}""", "invalid_argument")]
    [InlineData("single", """{"answer":"c","reason":"   "}""", "invalid_argument")]
    [InlineData("single", """{"answer":"z","reason":"r"}""", "invalid_argument")]
    [InlineData("single", """{"answer":["c"],"reason":"r"}""", "invalid_argument")]
    [InlineData("single", """{"reason":"r"}""", "invalid_argument")]
    [InlineData("multiple", """{"answer":[],"reason":"r"}""", "invalid_argument")]
    [InlineData("multiple", """{"answer":["a","a"],"reason":"r"}""", "invalid_argument")]
    [InlineData("truefalse", """{"answer":"true","reason":"r"}""", "invalid_argument")]
    [InlineData("fill", """{"answer":[["3"]],"reason":"the paper has two blanks"}""", "invalid_argument")]
    [InlineData("fill", """{"answer":[["3"],[""]],"reason":"r"}""", "invalid_argument")]
    [InlineData("short", """{"answer":"x","reason":"r"}""", "invalid_argument")]
    [InlineData("single", "[]", "invalid_argument")]
    [InlineData("single", "not json", "invalid_argument")]
    public void A_bad_key_change_is_refused(string kind, string body, string code) =>
        Refused(code, () => KeyChangeRequest.Parse(Question(kind), body));

    [Fact]
    public void A_reason_longer_than_its_bound_is_too_large() =>
        Refused(ErrorCodes.TooLarge, () => KeyChangeRequest.Parse(Question("single"),
            $$"""{"answer":"c","reason":"{{new string('理', KeyChangeRequest.ReasonLength + 1)}}"}"""));

    [Fact]
    public void A_change_replaces_the_key_raises_the_revision_and_is_recorded_for_the_results_and_the_audit()
    {
        var state = new ExamState { Spec = ExamSpecParser.Parse(SamplePaper.Exam().ToJsonString()) };
        var regrades = new ExamRegrades("e-1", state);
        var question = regrades.Question("q1");

        var regrade = regrades.Change(question, KeyChangeRequest.Parse(question, """{"answer":"c","reason":"印刷错误"}"""), "t-1", At);

        Assert.Equal(new Regrade(At, "q1", "t-1", "印刷错误"), regrade);
        Assert.Equal("c", state.Spec!.Questions.Single(q => q.Id == "q1").Key!.Choice);
        Assert.Equal("b", question.Key!.Choice);
        Assert.Equal(5, state.Spec.Questions.Count);
        Assert.True(regrades.Pending);
        Assert.Equal(1, regrades.Revision);
        var entry = Assert.Single(regrades.Audit);
        Assert.Equal((At, "t-1", AuditActions.KeyChanged, "q1", "印刷错误"), (entry.At, entry.By, entry.Action, entry.QuestionId, entry.Reason));
        Assert.Equal("key of q1 changed from \"b\" to \"c\": 印刷错误", entry.Detail);

        regrades.Regraded(1);
        Assert.False(regrades.Pending);
    }

    [Fact]
    public void A_regrade_finished_for_an_older_revision_leaves_a_newer_change_pending()
    {
        var state = new ExamState { Spec = ExamSpecParser.Parse(SamplePaper.Exam().ToJsonString()) };
        var regrades = new ExamRegrades("e-1", state);
        foreach (var answer in new[] { "c", "d" })
        {
            var question = regrades.Question("q1");
            regrades.Change(question, KeyChangeRequest.Parse(question, $$"""{"answer":"{{answer}}","reason":"r"}"""), "t-1", At);
        }

        regrades.Regraded(1);
        Assert.True(regrades.Pending);
        regrades.Regraded(2);
        regrades.Regraded(1);
        Assert.False(regrades.Pending);
        Assert.Equal(2, state.RegradedRevision);
    }

    [Fact]
    public void An_unknown_question_is_not_found_and_changes_are_bounded()
    {
        var state = new ExamState { Spec = ExamSpecParser.Parse(SamplePaper.Exam().ToJsonString()) };
        var regrades = new ExamRegrades("e-1", state);
        Refused(ErrorCodes.NotFound, () => regrades.Question("q9"));

        var question = regrades.Question("q3");
        var change = KeyChangeRequest.Parse(question, """{"answer":false,"reason":"r"}""");
        for (var i = 0; i < ExamRegrades.MaxChanges; i++)
        {
            regrades.Change(regrades.Question("q3"), change, "t-1", At);
        }
        Refused(ErrorCodes.Conflict, () => regrades.Change(regrades.Question("q3"), change, "t-1", At));
        Assert.Equal(ExamRegrades.MaxChanges, state.Regrades.Count);
    }
}
