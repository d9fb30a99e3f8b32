using System.Text.Json;
using Collab.Grains.Live;
using Collab.Grains.Storage;

namespace Collab.Silo.Database;

/// <summary>
/// The streams' event log in <c>stream_events</c> (deploy/sql/*/stream_events). The appends of all the node's streams are
/// group-committed, so that hundreds of groups posting at once share one transaction and one commit. Every call runs off
/// the Orleans scheduler threads (SQLite's calls are synchronous).
/// </summary>
public sealed class LiveEventLog : ILiveEventLog
{
    private static readonly string[] Columns =
        ["stream", "seq", "type", "data", "client_id", "client_seq", "result", "at", "user_id", "audience", "audiences", "audience_group"];

    /// <summary>Rows one write carries at most: on PostgreSQL one statement of twelve parameters a row (65,535 allowed).</summary>
    private const int RowsPerWrite = 2_000;

    private readonly CollabDatabase _database;
    private readonly GroupCommitQueue<IReadOnlyList<LiveEventRow>> _appends;

    public LiveEventLog(CollabDatabase database)
    {
        _database = database;
        _appends = new GroupCommitQueue<IReadOnlyList<LiveEventRow>>("stream_events", InsertAsync,
            database.Dialect == SqlDialect.Sqlite ? 1 : 4, rows => rows.Count, RowsPerWrite);
    }

    public Task AppendAsync(IReadOnlyList<LiveEventRow> rows) => rows.Count == 0 ? Task.CompletedTask : _appends.EnqueueAsync(rows);

    public Task<IReadOnlyList<LiveEventRow>> ReadAfterAsync(string stream, long afterSeq) => Task.Run(() => ReadRowsAsync(stream, afterSeq));

    public Task<int> PruneAsync(string stream, long throughSeq, int maxRows) =>
        Task.Run(() => SqlRows.DeleteOldestAsync(_database, "stream_events", "stream", stream, "seq", throughSeq, maxRows));

    private Task InsertAsync(IReadOnlyList<IReadOnlyList<LiveEventRow>> batches) =>
        // Npgsql stores a DateTimeOffset in timestamptz only at offset zero.
        SqlRows.InsertAsync(_database, "stream_events", Columns, batches.SelectMany(rows => rows).ToList(), row =>
            [row.Stream, row.Seq, row.Type, row.DataJson, row.ClientId, row.ClientSeq, row.ResultJson, row.At.ToUniversalTime(),
                row.UserId, row.Audience, row.Audiences is null ? null : JsonSerializer.Serialize(row.Audiences), row.AudienceGroup]);

    private async Task<IReadOnlyList<LiveEventRow>> ReadRowsAsync(string stream, long afterSeq)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM stream_events WHERE stream = @stream AND seq > @seq ORDER BY seq;";
        SqlRows.Add(command, "@stream", stream);
        SqlRows.Add(command, "@seq", afterSeq);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LiveEventRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LiveEventRow(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7).ToUniversalTime(),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<string[]>(reader.GetString(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }
        return rows;
    }
}
