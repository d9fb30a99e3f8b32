using System.Data.Common;
using Collab.Grains.LessonPreps;

namespace Collab.Silo.Database;

/// <summary>
/// The lesson-plan op log in <c>lessonprep_ops</c> (deploy/sql/*/lessonprep_ops). The SQL is the same for both
/// dialects; only the type of <c>at</c> differs, and both providers read it back as a DateTimeOffset.
/// </summary>
public sealed class LessonOpLog(CollabDatabase database) : ILessonOpLog
{
    private const string Columns = "plan_id, seq, revision, section, ops, user_id, client_id, client_seq, result, event, at";

    public async Task AppendAsync(LessonOpRow row)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO lessonprep_ops ({Columns})
            VALUES (@plan, @seq, @revision, @section, @ops, @user, @client, @clientSeq, @result, @event, @at);
            """;
        Add(command, "@plan", row.PlanId);
        Add(command, "@seq", row.Seq);
        Add(command, "@revision", row.Revision);
        Add(command, "@section", row.Section);
        Add(command, "@ops", row.OpsJson);
        Add(command, "@user", row.UserId);
        Add(command, "@client", row.ClientId);
        Add(command, "@clientSeq", row.ClientSeq);
        Add(command, "@result", row.ResultJson);
        Add(command, "@event", row.EventJson);
        // Npgsql stores a DateTimeOffset in timestamptz only at offset zero.
        Add(command, "@at", row.At.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
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

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
