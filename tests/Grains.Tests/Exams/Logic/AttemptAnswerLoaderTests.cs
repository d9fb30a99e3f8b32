using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Tests.Cluster;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Tests.Exams.Logic;

/// <summary>An activation's answers come from the table through the real group commit; old state answers move there once.</summary>
public sealed class AttemptAnswerLoaderTests
{
    private static readonly DateTimeOffset OpensAt = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly CandidatePlan Plan = new("e-1", "author", OpensAt, 60, 15, false, false, new MarkingPolicy(MarkingPolicy.SingleMode, 0));
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private readonly InMemoryExamAnswerTable _table = new();
    private readonly AttemptAnswerLoader _loader;
    private readonly AttemptState _state = new();

    public AttemptAnswerLoaderTests() => _loader = new AttemptAnswerLoader(new ExamAnswerStore(_table, Options.Create(new ExamOptions())));

    private AttemptDocument Started()
    {
        var attempt = new AttemptDocument(_state, "e-1", "s-1");
        attempt.Start(Plan, Paper, "r-1", "小明", OpensAt, attempt.Admit(Plan, OpensAt));
        return attempt;
    }

    private static ExamAnswerRow Row(string questionId, StudentAnswer answer, long seq, DateTimeOffset at) =>
        new("e-1", "s-1", questionId, LiveJson.Serialize(answer), "tab", seq, at, AcceptedSaves.None);

    [Fact]
    public async Task The_tables_rows_become_the_answers_and_a_resend_of_one_is_answered_without_a_row()
    {
        await _table.UpsertAsync([Row("q1", new StudentAnswer(Choice: "b"), 1, OpensAt.AddMinutes(1)), Row("q3", new StudentAnswer(Truth: true), 2, OpensAt.AddMinutes(2))]);
        await _table.UpsertAsync([new ExamAnswerRow("e-1", "s-2", "q1", LiveJson.Serialize(new StudentAnswer(Choice: "a")), "tab", 1, OpensAt, AcceptedSaves.None)]);
        var attempt = Started();

        Assert.False(await _loader.LoadAsync(attempt, _state, "e-1", "s-1"));

        Assert.Equal(2, attempt.Progress(OpensAt.AddMinutes(3)).Answered);
        Assert.Equal(OpensAt.AddMinutes(2), _state.LastSeenAt);
        var resend = attempt.Save(Paper, new CommandId("tab", 2), "q3", "false", OpensAt.AddMinutes(4));
        Assert.Null(resend.Row);
        Assert.Equal(OpensAt.AddMinutes(2), resend.Result.SavedAt);
    }

    [Fact]
    public async Task Answers_kept_in_the_state_move_to_the_table_once_and_a_newer_row_wins()
    {
        await _table.UpsertAsync([Row("q1", new StudentAnswer(Choice: "c"), 5, OpensAt.AddMinutes(9))]);
        _state.Answers["q1"] = new SavedAnswer(new StudentAnswer(Choice: "a"), OpensAt.AddMinutes(1));
        _state.Answers["q3"] = new SavedAnswer(new StudentAnswer(Truth: false), OpensAt.AddMinutes(1));
        var attempt = Started();

        Assert.True(await _loader.LoadAsync(attempt, _state, "e-1", "s-1"));

        Assert.Empty(_state.Answers);
        var rows = _table.Rows("e-1", "s-1");
        Assert.Equal(["q1", "q3"], rows.Keys.Order());
        Assert.Equal("c", LiveJson.Deserialize<StudentAnswer>(rows["q1"].AnswerJson).Choice);
        Assert.False(LiveJson.Deserialize<StudentAnswer>(rows["q3"].AnswerJson).Truth);
        Assert.Equal(2, attempt.Progress(OpensAt.AddMinutes(10)).Answered);

        Assert.False(await _loader.LoadAsync(Started(), _state, "e-1", "s-1"));
    }
}
