using System.Data.Common;
using Collab.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Collab.Silo.Database;

/// <summary>Opens connections to the configured database (the SQLite file or PostgreSQL) for the project's own use.</summary>
public sealed class CollabDatabase(CollabSettings settings)
{
    public SqlDialect Dialect => settings.UsesSqlite ? SqlDialect.Sqlite : SqlDialect.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        if (settings.UsesSqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
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
