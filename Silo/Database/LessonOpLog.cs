using Collab.Grains.LessonPreps;

namespace Collab.Silo.Database;

/// <summary>
/// The lesson-plan op log in <c>lessonprep_ops</c> (deploy/sql/*/lessonprep_ops). The SQL is the same for both
/// dialects; only the type of <c>at</c> differs, and both providers read it back as a DateTimeOffset.
/// </summary>
public sealed class LessonOpLog(CollabDatabase database) : ILessonOpLog
{
    private static readonly string[] Columns = ["plan_id", "seq", "revision", "section", "ops", "user_id", "client_id", "client_seq", "result", "event", "at"];

    /// <summary>A group commit: one multi-row INSERT in one transaction, whatever the number of rows.</summary>
    public Task AppendAsync(IReadOnlyList<LessonOpRow> rows) =>
        // Npgsql stores a DateTimeOffset in timestamptz only at offset zero.
        SqlRows.InsertAsync(database, "lessonprep_ops", Columns, rows, row =>
            [row.PlanId, row.Seq, row.Revision, row.Section, row.OpsJson, row.UserId, row.ClientId, row.ClientSeq, row.ResultJson, row.EventJson, row.At.ToUniversalTime()]);

    public async Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision)
    {
        await using var connection = await database.OpenAsync();
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

    /// <summary>Bounded by a sub-select because neither dialect's DELETE takes a LIMIT by default.</summary>
    public async Task<int> PruneAsync(string planId, long throughRevision, int maxRows)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM lessonprep_ops
            WHERE plan_id = @plan AND revision IN (
                SELECT revision FROM lessonprep_ops
                WHERE plan_id = @plan AND revision <= @through
                ORDER BY revision
                LIMIT @max);
            """;
        SqlRows.Add(command, "@plan", planId);
        SqlRows.Add(command, "@through", throughRevision);
        SqlRows.Add(command, "@max", maxRows);
        return await command.ExecuteNonQueryAsync();
    }
}
