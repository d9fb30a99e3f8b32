using Collab.Grains.Live;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.Groups;

/// <summary>
/// The streams' event log SQL on both dialects: rows round-trip exactly, in seq order, per stream; a batch is written
/// whole or not at all; a seq is never written twice; pruning deletes only a stream's old rows, a bounded number at a
/// time; the appends of many streams at once all land, and one stream's refused row fails no other stream's append.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveEventLogTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 30, 1, 120, TimeSpan.Zero);

    private static LiveEventRow Row(string stream, long seq) =>
        new(stream, seq, "message.posted", $"{{\"id\":\"m{seq}\",\"text\":\"教研 👍 {seq}\"}}", "tab", seq, $"{{\"messageId\":\"m{seq}\"}}", At.AddSeconds(seq));

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rows_round_trip_in_seq_order_per_stream_and_a_duplicate_seq_is_refused(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LiveEventLog(empty.Database);

        await log.AppendAsync([Row("groups/a", 1)]);
        await log.AppendAsync([Row("groups/b", 1)]);
        await log.AppendAsync([Row("groups/a", 3)]);
        await log.AppendAsync([Row("groups/a", 2)]);

        Assert.Equal([Row("groups/a", 2), Row("groups/a", 3)], await log.ReadAfterAsync("groups/a", 1));
        Assert.Equal([Row("groups/b", 1)], await log.ReadAfterAsync("groups/b", 0));
        Assert.Empty(await log.ReadAfterAsync("groups/a", 3));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.AppendAsync([Row("groups/a", 3)]));
        Assert.Equal(3, (await log.ReadAfterAsync("groups/a", 0)).Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_rows_caller_and_audience_round_trip_and_an_everyone_row_keeps_none(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LiveEventLog(empty.Database);
        var privateNote = Row("observations/o", 1) with { Type = "note.added", UserId = "t-7", Audience = "t-7" };
        var stroke = Row("observations/o", 2) with { Type = "stroke.drawn", UserId = "s-9", Audiences = ["t-1", "s-9"] };
        var proctors = Row("observations/o", 3) with { UserId = "t-1", AudienceGroup = "proctors" };
        await log.AppendAsync([privateNote, stroke, proctors, Row("observations/o", 4)]);

        var read = await log.ReadAfterAsync("observations/o", 0);

        Assert.Equal(privateNote, read[0]);
        Assert.Equal(stroke with { Audiences = null }, read[1] with { Audiences = null });
        Assert.Equal(["t-1", "s-9"], read[1].Audiences);
        Assert.Equal(proctors, read[2]);
        Assert.Equal(Row("observations/o", 4), read[3]);
        Assert.Equal(("", null, null, null), (read[3].UserId, read[3].Audience, read[3].Audiences, read[3].AudienceGroup));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_that_collides_leaves_none_of_its_rows(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LiveEventLog(empty.Database);
        await log.AppendAsync([Row("groups/a", 1), Row("groups/a", 2)]);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => log.AppendAsync([Row("groups/a", 3), Row("groups/a", 4), Row("groups/a", 2)]));

        Assert.Equal([1L, 2L], (await log.ReadAfterAsync("groups/a", 0)).Select(r => r.Seq));
    }

    [Theory]
    [InlineData("postgres", "nul")]
    [InlineData("postgres", "duplicate")]
    [InlineData("sqlite", "duplicate")]
    public async Task A_row_the_database_refuses_fails_only_its_own_append_and_the_other_streams_appends_in_its_write_land(string dialect, string bad)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LiveEventLog(empty.Database);
        await log.AppendAsync([Row("groups/bad", 1)]);
        // PostgreSQL refuses U+0000 in text; a seq written before collides on both dialects.
        var refused = bad == "nul" ? Row("groups/bad", 2) with { ClientId = "tab\u0000" } : Row("groups/bad", 1);
        var streams = Enumerable.Range(1, 60).Select(i => $"groups/g{i}").ToList();

        // Enqueued together, so that the writers find them queued and carry the refused row with others' rows.
        var appends = streams.Select(stream => log.AppendAsync([Row(stream, 1), Row(stream, 2)])).ToList();
        var refusedAppend = log.AppendAsync([refused]);
        appends.AddRange(streams.Select(stream => log.AppendAsync([Row(stream, 3)])));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => refusedAppend);
        await Task.WhenAll(appends);
        foreach (var stream in streams)
        {
            Assert.Equal([Row(stream, 1), Row(stream, 2), Row(stream, 3)], await log.ReadAfterAsync(stream, 0));
        }
        Assert.Equal([Row("groups/bad", 1)], await log.ReadAfterAsync("groups/bad", 0));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Pruning_deletes_one_streams_oldest_rows_through_a_seq_at_most_a_batch_at_a_time(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LiveEventLog(empty.Database);
        await log.AppendAsync(Enumerable.Range(1, 30).Select(i => Row("groups/a", i)).ToList());
        await log.AppendAsync(Enumerable.Range(1, 5).Select(i => Row("groups/b", i)).ToList());

        Assert.Equal(8, await log.PruneAsync("groups/a", 20, 8));
        Assert.Equal(9, (await log.ReadAfterAsync("groups/a", 0))[0].Seq);
        Assert.Equal(12, await log.PruneAsync("groups/a", 20, 100));
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), (await log.ReadAfterAsync("groups/a", 0)).Select(r => r.Seq));
        Assert.Equal(0, await log.PruneAsync("groups/a", 20, 100));
        Assert.Equal(5, (await log.ReadAfterAsync("groups/b", 0)).Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Many_streams_appending_at_once_all_land(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var log = new LiveEventLog(empty.Database);
        var streams = Enumerable.Range(1, 40).Select(i => $"groups/g{i}").ToList();

        await Task.WhenAll(streams.Select(async stream =>
        {
            for (var seq = 1; seq <= 10; seq++)
            {
                await log.AppendAsync([Row(stream, seq)]);
            }
        }));

        foreach (var stream in streams)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(i => Row(stream, i)), await log.ReadAfterAsync(stream, 0));
        }
    }
}
