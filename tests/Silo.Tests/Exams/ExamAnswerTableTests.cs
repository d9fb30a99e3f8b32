using Collab.Grains.Exams;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;

namespace Collab.Silo.Tests.Exams;

/// <summary>
/// The answer table's SQL on both dialects: rows round-trip exactly, per attempt, with the other clients' saves they
/// replaced; an upsert replaces a question's row
/// in place; a batch is written whole or not at all.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExamAnswerTableTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 30, 1, 120, TimeSpan.Zero);

    private static ExamAnswerRow Row(string student, string question, long clientSeq, string text = "光合作用 👍") =>
        new("ex-1", student, question, $"{{\"text\":\"{text}\"}}", "tab", clientSeq, At.AddSeconds(clientSeq), AcceptedSaves.None);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_round_trip_per_attempt_and_an_upsert_replaces_the_question_in_place(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var table = new ExamAnswerTable(empty.Database);

        await table.UpsertAsync([Row("s-1", "q1", 1), Row("s-2", "q1", 1)]);
        await table.UpsertAsync([Row("s-1", "q2", 2)]);
        var replacing = Row("s-1", "q1", 3, "叶绿体") with
        {
            Earlier = new Dictionary<string, ClientSave> { ["tab-2"] = new(9, At.AddMilliseconds(1_234)) },
        };
        await table.UpsertAsync([replacing]);

        var rows = await table.ReadAsync("ex-1", "s-1");
        Assert.Equal([replacing, Row("s-1", "q2", 2)], rows.OrderBy(r => r.QuestionId));
        Assert.Equal([Row("s-2", "q1", 1)], await table.ReadAsync("ex-1", "s-2"));
        Assert.Empty(await table.ReadAsync("ex-2", "s-1"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_is_one_transaction_that_stores_all_its_rows_or_none(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var table = new ExamAnswerTable(empty.Database);
        var batch = Enumerable.Range(1, 600).Select(i => Row($"s-{i}", "q1", i)).ToList();

        await table.UpsertAsync(batch);
        Assert.Equal([batch[41]], await table.ReadAsync("ex-1", "s-42"));

        // The last row breaks a NOT NULL column: the replacements before it must not stay behind.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            table.UpsertAsync([Row("s-1", "q1", 700, "改了"), Row("s-2", "q2", 701), Row("s-3", "q1", 702) with { AnswerJson = null! }]));
        Assert.Equal([batch[0]], await table.ReadAsync("ex-1", "s-1"));
        Assert.Equal([batch[1]], await table.ReadAsync("ex-1", "s-2"));
        await table.UpsertAsync([]);
    }
}
