using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Tests.Exams.Logic;

namespace Collab.Grains.Tests.Exams.Regrading;

/// <summary>An attempt's regrade and responses on the document alone.</summary>
public sealed class AttemptRegradeTests
{
    private static readonly DateTimeOffset OpensAt = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly CandidatePlan Plan = new("e-1", "author", OpensAt, 60, 15, false, false, new MarkingPolicy(MarkingPolicy.SingleMode, 0));
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private readonly AttemptState _state = new();
    private readonly AttemptDocument _attempt;
    private long _seq;

    public AttemptRegradeTests()
    {
        _attempt = new AttemptDocument(_state, "e-1", "s-1");
        var startedAt = OpensAt.AddMinutes(1);
        _attempt.Start(Plan, Paper, "r-1", "小明", startedAt, _attempt.Admit(Plan, startedAt));
    }

    private void Answer(string questionId, string json)
    {
        var decision = _attempt.Save(Paper, new CommandId("tab", ++_seq), questionId, json, OpensAt.AddMinutes(2));
        _attempt.Remember(decision.Row!, decision.Answer!);
    }

    private static IReadOnlyList<PaperQuestion> WithKey(string questionId, AnswerKey key) =>
        Paper.Select(q => q.Id == questionId ? q with { Key = key } : q).ToList();

    [Fact]
    public void A_submitted_attempt_is_regraded_with_the_new_key_and_keeps_its_short_answer_pending()
    {
        Answer("q1", "\"c\"");
        Answer("q3", "true");
        Answer("q5", "\"冯·诺依曼\"");
        _attempt.Submit(SubmitReasons.Student, Paper, OpensAt.AddMinutes(3));
        Assert.Equal(0, _state.Scores["q1"]);
        Assert.Equal(1, _state.Scores["q3"]);

        _attempt.Regrade(WithKey("q1", new AnswerKey(Choice: "c")));
        Assert.Equal(2, _state.Scores["q1"]);
        Assert.Equal(1, _state.Scores["q3"]);
        Assert.Equal(["q5"], _state.AwaitingMarking);
        Assert.False(_state.Scores.ContainsKey("q5"));

        _attempt.Regrade(WithKey("q3", new AnswerKey(Truth: false)));
        Assert.Equal(0, _state.Scores["q1"]);
        Assert.Equal(0, _state.Scores["q3"]);
    }

    [Fact]
    public void An_attempt_still_running_is_not_graded_by_a_regrade()
    {
        Answer("q1", "\"c\"");
        _attempt.Regrade(WithKey("q1", new AnswerKey(Choice: "c")));
        Assert.Empty(_state.Scores);

        _attempt.Submit(SubmitReasons.Student, WithKey("q1", new AnswerKey(Choice: "c")), OpensAt.AddMinutes(3));
        Assert.Equal(2, _state.Scores["q1"]);
    }

    [Fact]
    public void Responses_list_the_choices_of_a_submitted_attempt_only()
    {
        Answer("q1", "\"c\"");
        Answer("q2", "[\"d\",\"a\"]");
        Answer("q3", "false");
        Answer("q4", "[\"3\",\"90\"]");
        Assert.Empty(_attempt.Responses(Paper).Choices);

        _attempt.Submit(SubmitReasons.Student, Paper, OpensAt.AddMinutes(3));
        var responses = _attempt.Responses(Paper);

        Assert.Equal("s-1", responses.StudentId);
        Assert.Equal(["q1", "q2", "q3", "q4"], responses.Choices.Keys.Order());
        Assert.Equal(["c"], responses.Choices["q1"]);
        Assert.Equal(["d", "a"], responses.Choices["q2"]);
        Assert.Equal(["false"], responses.Choices["q3"]);
        Assert.Empty(responses.Choices["q4"]);
    }
}
