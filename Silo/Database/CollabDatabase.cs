using System.Data.Common;
using Collab.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Collab.Silo.Database;

/// <summary>Opens connections to the configured database (the SQLite file or PostgreSQL) for the project's own use.</summary>
public sealed class CollabDatabase(CollabSettings settings)
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    /// <summary>Set once the SQLite file's folder exists: checking it on every open cost two system calls per write.</summary>
    private volatile bool _sqliteDirectoryExists;

    public SqlDialect Dialect => settings.UsesSqlite ? SqlDialect.Sqlite : SqlDialect.Postgres;

    /// <summary>
    /// Runs a write on a connection of its own. On SQLite every write of this node (the project's tables and, through
    /// <see cref="SqliteSerializedGrainStorage"/>, Orleans' grain state) takes its turn here: the file has one writer at
    /// a time, and a writer that finds it taken falls into Microsoft.Data.Sqlite's busy loop, which blocks its thread
    /// and sleeps between tries (150 ms each), holding up the grain or the group commit behind it. Waiting here costs
    /// only the writes ahead. PostgreSQL runs writes side by side and flushes their WAL together, so there it does not wait.
    /// </summary>
    public Task WriteAsync(Func<DbConnection, Task> write) => TakingTurnsAsync(async () =>
    {
        await using var connection = await OpenAsync();
        await write(connection);
    });

    /// <summary>Runs <paramref name="write"/> in this node's turn of SQLite writers (see <see cref="WriteAsync"/>); at once on PostgreSQL.</summary>
    public async Task TakingTurnsAsync(Func<Task> write)
    {
        if (!settings.UsesSqlite)
        {
            await write();
            return;
        }
        await _sqliteWriter.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        if (settings.UsesSqlite)
        {
            if (!_sqliteDirectoryExists)
            {
                Directory.CreateDirectory(settings.DataDirectory);
                _sqliteDirectoryExists = true;
            }
            connection = new SqliteConnection(settings.SqliteConnectionString);
        }
        else
        {
            connection = new NpgsqlConnection(settings.PostgresConnectionString);
        }
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }
}
