using System.Data.Common;
using System.Text;
using Collab.Grains.LessonPreps;

namespace Collab.Silo.Database;

/// <summary>
/// The lesson-plan op log in <c>lessonprep_ops</c> (deploy/sql/*/lessonprep_ops). The SQL is the same for both
/// dialects; only the type of <c>at</c> differs, and both providers read it back as a DateTimeOffset.
/// </summary>
public sealed class LessonOpLog(CollabDatabase database) : ILessonOpLog
{
    private const string Columns = "plan_id, seq, revision, section, ops, user_id, client_id, client_seq, result, event, at";

    /// <summary>A group commit: one multi-row INSERT in one transaction, whatever the number of rows.</summary>
    public async Task AppendAsync(IReadOnlyList<LessonOpRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO lessonprep_ops ({Columns}) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            sql.Append(i == 0 ? "" : ", ")
                .Append($"(@plan{i}, @seq{i}, @revision{i}, @section{i}, @ops{i}, @user{i}, @client{i}, @clientSeq{i}, @result{i}, @event{i}, @at{i})");
            Add(command, $"@plan{i}", row.PlanId);
            Add(command, $"@seq{i}", row.Seq);
            Add(command, $"@revision{i}", row.Revision);
            Add(command, $"@section{i}", row.Section);
            Add(command, $"@ops{i}", row.OpsJson);
            Add(command, $"@user{i}", row.UserId);
            Add(command, $"@client{i}", row.ClientId);
            Add(command, $"@clientSeq{i}", row.ClientSeq);
            Add(command, $"@result{i}", row.ResultJson);
            Add(command, $"@event{i}", row.EventJson);
            // Npgsql stores a DateTimeOffset in timestamptz only at offset zero.
            Add(command, $"@at{i}", row.At.ToUniversalTime());
        }
        command.CommandText = sql.Append(';').ToString();
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM lessonprep_ops WHERE plan_id = @plan AND revision > @revision ORDER BY revision;";
        Add(command, "@plan", planId);
        Add(command, "@revision", afterRevision);
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
        Add(command, "@plan", planId);
        Add(command, "@through", throughRevision);
        Add(command, "@max", maxRows);
        return await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
