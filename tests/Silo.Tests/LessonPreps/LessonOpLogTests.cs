using Collab.Grains.LessonPreps;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.LessonPreps;

/// <summary>
/// The lesson-plan op log's SQL on both dialects: rows round-trip exactly, in revision order, per plan; a batch is
/// written whole or not at all; a row is never written twice; pruning deletes only old rows, a bounded number at a time;
/// the appends of many plans at once share statements and all land, and one plan's refused row fails no other plan's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LessonOpLogTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 30, 1, 120, TimeSpan.Zero);

    private static LessonOpRow Row(string plan, long seq, long revision) =>
        new(plan, seq, revision, "objectives", "[3,\"学生 👍\"]", "t-1", "tab", seq, $"{{\"revision\":{revision}}}", "{\"x\":1}", At.AddSeconds(seq));

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_round_trip_in_revision_order_and_a_duplicate_seq_is_refused(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LessonOpLog(empty.Database);

        await log.AppendAsync([Row("lp-a", 2, 1)]);
        await log.AppendAsync([Row("lp-b", 2, 1)]);
        await log.AppendAsync([Row("lp-a", 4, 3)]);
        await log.AppendAsync([Row("lp-a", 3, 2)]);

        var rows = await log.ReadAfterRevisionAsync("lp-a", 1);
        Assert.Equal([Row("lp-a", 3, 2), Row("lp-a", 4, 3)], rows);
        Assert.Equal(3, (await log.ReadAfterRevisionAsync("lp-a", 0)).Count);
        Assert.Empty(await log.ReadAfterRevisionAsync("lp-a", 3));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.AppendAsync([Row("lp-a", 4, 9)]));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_is_one_write_that_stores_all_its_rows_or_none(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LessonOpLog(empty.Database);
        var batch = Enumerable.Range(1, 150).Select(i => Row("lp-a", i + 10, i)).ToList();

        await log.AppendAsync(batch);
        Assert.Equal(batch, await log.ReadAfterRevisionAsync("lp-a", 0));

        // The last row of this batch collides with a stored one: the rows before it must not stay behind.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            log.AppendAsync([Row("lp-a", 161, 151), Row("lp-a", 162, 152), Row("lp-a", 11, 153)]));
        Assert.Equal(150, (await log.ReadAfterRevisionAsync("lp-a", 0)).Count);
        await log.AppendAsync([]);
        Assert.Equal(150, (await log.ReadAfterRevisionAsync("lp-a", 0)).Count);
    }

    [Fact]
    public async Task On_postgres_a_plans_op_holding_a_nul_fails_only_that_plans_append_and_the_plans_sharing_its_write_land()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("postgres", postgres);
        var log = new LessonOpLog(empty.Database);
        var plans = Enumerable.Range(1, 60).Select(i => $"lp-{i}").ToList();

        // Enqueued together, so that the writers find them queued and carry the refused row with others' rows.
        var appends = plans.Take(30).Select(plan => log.AppendAsync([Row(plan, 2, 1)])).ToList();
        var refused = log.AppendAsync([Row("lp-bad", 2, 1) with { Section = "objectives\u0000" }]);
        appends.AddRange(plans.Skip(30).Select(plan => log.AppendAsync([Row(plan, 2, 1)])));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => refused);
        await Task.WhenAll(appends);
        foreach (var plan in plans)
        {
            Assert.Equal([Row(plan, 2, 1)], await log.ReadAfterRevisionAsync(plan, 0));
        }
        Assert.Empty(await log.ReadAfterRevisionAsync("lp-bad", 0));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Pruning_deletes_the_oldest_rows_through_a_revision_of_one_plan_at_most_a_batch_at_a_time(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LessonOpLog(empty.Database);
        await log.AppendAsync(Enumerable.Range(1, 30).Select(i => Row("lp-a", i, i)).ToList());
        await log.AppendAsync(Enumerable.Range(1, 5).Select(i => Row("lp-b", i, i)).ToList());

        Assert.Equal(8, await log.PruneAsync("lp-a", 20, 8));
        Assert.Equal(9, (await log.ReadAfterRevisionAsync("lp-a", 0))[0].Revision);
        Assert.Equal(12, await log.PruneAsync("lp-a", 20, 100));
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), (await log.ReadAfterRevisionAsync("lp-a", 0)).Select(r => r.Revision));
        Assert.Equal(0, await log.PruneAsync("lp-a", 20, 100));
        Assert.Equal(5, (await log.ReadAfterRevisionAsync("lp-b", 0)).Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Many_plans_appending_at_once_share_statements_and_every_row_lands_in_its_plan(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LessonOpLog(empty.Database);
        using var itemsPerWrite = new HistogramReading("collab.storage.group_commit.items", "lessonprep_ops");
        const int plans = 60, batchesEach = 5, rowsPerBatch = 3;

        // While another connection holds the table, the first writes wait on it and every other plan's batch queues
        // behind them: what happens next no longer depends on how fast this machine's disk commits.
        var appends = new List<Task>();
        await using (await WritesHeldAsync(empty.Database))
        {
            for (var b = 0; b < batchesEach; b++)
            {
                for (var p = 0; p < plans; p++)
                {
                    appends.Add(log.AppendAsync(Enumerable.Range(1, rowsPerBatch).Select(r => Row($"lp-{p}", b * rowsPerBatch + r, b * rowsPerBatch + r)).ToList()));
                }
            }
            Assert.All(appends, append => Assert.False(append.IsCompleted));
        }
        await Task.WhenAll(appends);

        for (var p = 0; p < plans; p++)
        {
            var rows = await log.ReadAfterRevisionAsync($"lp-{p}", 0);
            Assert.Equal(Enumerable.Range(1, batchesEach * rowsPerBatch).Select(r => (long)r), rows.Select(row => row.Revision));
            Assert.All(rows, row => Assert.Equal($"lp-{p}", row.PlanId));
        }
        Assert.Equal(plans * batchesEach, itemsPerWrite.Sum);
        // At most the writes that started while the table was held (one on SQLite, four on PostgreSQL), then the queued
        // 300 batches (900 rows, under the 2,000-row statement cap) in one more write per writer at most.
        Assert.True(itemsPerWrite.Count <= 8, $"{itemsPerWrite.Count} writes for {plans * batchesEach} batches");
    }

    /// <summary>A transaction on another connection that blocks every write to the op log until it is disposed.</summary>
    private static async Task<IAsyncDisposable> WritesHeldAsync(CollabDatabase database)
    {
        var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        // SQLite: the single writer's lock (other writers wait for it, busy-retrying); PostgreSQL: a table lock that
        // conflicts with INSERT's ROW EXCLUSIVE.
        command.CommandText = database.Dialect == SqlDialect.Sqlite
            ? "BEGIN IMMEDIATE;"
            : "BEGIN; LOCK TABLE lessonprep_ops IN SHARE ROW EXCLUSIVE MODE;";
        await command.ExecuteNonQueryAsync();
        return new HeldWrites(connection);
    }

    private sealed class HeldWrites(System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "COMMIT;";
                await command.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
