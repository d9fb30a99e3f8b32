using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Collab.Silo.Database;

/// <summary>
/// Applies the project's SQL scripts (the same files as <c>deploy/sql/</c>, embedded) in order, each once, recording
/// them in <c>collab_schema_version</c>. The scripts are idempotent as well, so an operator who ran them by hand, or a
/// start that died half-way, loses nothing. Concurrent PostgreSQL starts are serialised by an advisory lock.
/// </summary>
public sealed class SchemaMigrator(CollabDatabase database, ILogger<SchemaMigrator> logger)
{
    private const long PostgresLockKey = 0x436f6c6c6162; // "Collab"

    public static IReadOnlyList<SchemaScript> Scripts(SqlDialect dialect)
    {
        var prefix = $"sql/{DialectFolder(dialect)}/";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => SchemaScript.Load(assembly, name, name[prefix.Length..]))
            .ToList();
    }

    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(cancellationToken);
        if (dialect == SqlDialect.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey});", cancellationToken);
        }
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS collab_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);",
                cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var newlyApplied = new List<int>();
            foreach (var script in Scripts(dialect).Where(s => !applied.Contains(s.Version)))
            {
                // SQLite cannot switch to WAL inside a transaction, so its (idempotent) scripts run in autocommit mode.
                await using var transaction = dialect == SqlDialect.Postgres ? await connection.BeginTransactionAsync(cancellationToken) : null;
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO collab_schema_version (version, name, applied_at) VALUES (@version, @name, @at);";
                    SqlRows.Add(record, "@version", script.Version);
                    SqlRows.Add(record, "@name", script.Name);
                    SqlRows.Add(record, "@at", DateTimeOffset.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                newlyApplied.Add(script.Version);
                logger.LogInformation("Applied schema script {Name} ({Dialect})", script.Name, dialect);
            }
            return newlyApplied;
        }
        finally
        {
            if (dialect == SqlDialect.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey});", CancellationToken.None);
            }
        }
    }

    private static string DialectFolder(SqlDialect dialect) => dialect == SqlDialect.Sqlite ? "sqlite" : "postgres";

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM collab_schema_version;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0)));
        }
        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
