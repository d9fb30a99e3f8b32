using Collab.Grains.LessonPreps;
using Collab.Grains.Storage;

namespace Collab.Silo.Database;

/// <summary>
/// The lesson-plan op log in <c>lessonprep_ops</c> (deploy/sql/*/lessonprep_ops). The SQL is the same for both
/// dialects; only the type of <c>at</c> differs, and both providers read it back as a DateTimeOffset.
/// Each plan already writes its own ops in batches; the silo's appends of all plans are group-committed once more, so
/// that hundreds of plans with a few ops each share one transaction and one commit instead of one commit per plan.
/// Every call runs off the Orleans scheduler threads (SQLite's calls are synchronous).
/// </summary>
public sealed class LessonOpLog : ILessonOpLog
{
    private static readonly string[] Columns = ["plan_id", "seq", "revision", "section", "ops", "user_id", "client_id", "client_seq", "result", "event", "at"];

    /// <summary>Rows one write carries at most: on PostgreSQL one statement of eleven parameters a row (65,535 allowed).</summary>
    private const int RowsPerWrite = 2_000;

    private readonly CollabDatabase _database;
    private readonly GroupCommitQueue<IReadOnlyList<LessonOpRow>> _appends;

    public LessonOpLog(CollabDatabase database)
    {
        _database = database;
        _appends = new GroupCommitQueue<IReadOnlyList<LessonOpRow>>("lessonprep_ops", InsertAsync,
            database.Dialect == SqlDialect.Sqlite ? 1 : 4, rows => rows.Count, RowsPerWrite);
    }

    /// <summary>The plan's rows are durable together, with whatever other plans' rows shared their statement.</summary>
    public Task AppendAsync(IReadOnlyList<LessonOpRow> rows) => rows.Count == 0 ? Task.CompletedTask : _appends.EnqueueAsync(rows);

    public Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision) =>
        Task.Run(() => ReadRowsAsync(planId, afterRevision));

    public Task<int> PruneAsync(string planId, long throughRevision, int maxRows) =>
        Task.Run(() => SqlRows.DeleteOldestAsync(_database, "lessonprep_ops", "plan_id", planId, "revision", throughRevision, maxRows));

    /// <summary>Every plan's batch in the write in one transaction: all of them or none.</summary>
    private Task InsertAsync(IReadOnlyList<IReadOnlyList<LessonOpRow>> batches) =>
        // Npgsql stores a DateTimeOffset in timestamptz only at offset zero.
        SqlRows.InsertAsync(_database, "lessonprep_ops", Columns, batches.SelectMany(rows => rows).ToList(), row =>
            [row.PlanId, row.Seq, row.Revision, row.Section, row.OpsJson, row.UserId, row.ClientId, row.ClientSeq, row.ResultJson, row.EventJson, row.At.ToUniversalTime()]);

    private async Task<IReadOnlyList<LessonOpRow>> ReadRowsAsync(string planId, long afterRevision)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", Columns)} FROM lessonprep_ops WHERE plan_id = @plan AND revision > @revision ORDER BY revision;";
        SqlRows.Add(command, "@plan", planId);
        SqlRows.Add(command, "@revision", afterRevision);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LessonOpRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LessonOpRow(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetInt64(7),
                reader.GetString(8),
                reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10).ToUniversalTime()));
        }
        return rows;
    }
}
