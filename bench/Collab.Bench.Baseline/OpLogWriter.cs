using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Collab.Bench.Baseline;

/// <summary>
/// B2's persistence: Collab's op-log table (the DDL is read from <c>deploy/sql</c>, copied next to the baseline at
/// build time) and Collab's INSERT of <c>Silo/Database/LessonOpLog</c>, one row and one transaction per op, with
/// Collab's connection settings (SQLite: WAL, pooled, default synchronous=FULL; PostgreSQL: durable defaults).
/// </summary>
public sealed class OpLogWriter
{
    private const string Insert =
        "INSERT INTO lessonprep_ops (plan_id, seq, revision, section, ops, user_id, client_id, client_seq, result, event, at) " +
        "VALUES (@plan0, @seq0, @revision0, @section0, @ops0, @user0, @client0, @clientSeq0, @result0, @event0, @at0);";

    private readonly BaselineMode _mode;
    private readonly string _sqlite;

    public OpLogWriter(BaselineMode mode)
    {
        _mode = mode;
        Directory.CreateDirectory(mode.DataDirectory);
        _sqlite = $"Data Source={Path.Combine(mode.DataDirectory, "baseline.db")};Pooling=True;Default Timeout=30";
    }

    /// <summary>Creates the table as Collab's migration does (SQLite: WAL first, outside any transaction).</summary>
    public async Task CreateSchemaAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sql", _mode.Storage, _mode.Storage == "sqlite"
            ? "0004_lessonprep_ops.sql"
            : "0005_lessonprep_ops.sql");
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (_mode.Storage == "sqlite" ? "PRAGMA journal_mode = WAL;\n" : "") + await File.ReadAllTextAsync(script);
        await command.ExecuteNonQueryAsync();
    }

    public async Task AppendAsync(string planId, long seq, long revision, string section, string opsJson, string userId,
        string clientId, long clientSeq, string resultJson, string eventJson, DateTimeOffset at)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        Add(command, "@plan0", planId);
        Add(command, "@seq0", seq);
        Add(command, "@revision0", revision);
        Add(command, "@section0", section);
        Add(command, "@ops0", opsJson);
        Add(command, "@user0", userId);
        Add(command, "@client0", clientId);
        Add(command, "@clientSeq0", clientSeq);
        Add(command, "@result0", resultJson);
        Add(command, "@event0", eventJson);
        Add(command, "@at0", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = _mode.Storage == "sqlite" ? new SqliteConnection(_sqlite) : new NpgsqlConnection(_mode.PostgresConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
