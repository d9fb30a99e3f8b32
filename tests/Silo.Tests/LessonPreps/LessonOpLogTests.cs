using Collab.Grains.LessonPreps;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.LessonPreps;

/// <summary>The lesson-plan op log's SQL on both dialects: rows round-trip exactly, in revision order, per plan, and a row is never written twice.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LessonOpLogTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_round_trip_in_revision_order_and_a_duplicate_seq_is_refused(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var database = empty.Database;
        var log = new LessonOpLog(database);
        var at = new DateTimeOffset(2026, 11, 23, 9, 30, 1, 120, TimeSpan.Zero);
        LessonOpRow Row(string plan, long seq, long revision) =>
            new(plan, seq, revision, "objectives", "[3,\"学生 👍\"]", "t-1", "tab", seq, $"{{\"revision\":{revision}}}", "{\"x\":1}", at.AddSeconds(seq));

        await log.AppendAsync(Row("lp-a", 2, 1));
        await log.AppendAsync(Row("lp-b", 2, 1));
        await log.AppendAsync(Row("lp-a", 4, 3));
        await log.AppendAsync(Row("lp-a", 3, 2));

        var rows = await log.ReadAfterRevisionAsync("lp-a", 1);
        Assert.Equal([Row("lp-a", 3, 2), Row("lp-a", 4, 3)], rows);
        Assert.Equal(3, (await log.ReadAfterRevisionAsync("lp-a", 0)).Count);
        Assert.Empty(await log.ReadAfterRevisionAsync("lp-a", 3));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.AppendAsync(Row("lp-a", 4, 9)));
    }
}
