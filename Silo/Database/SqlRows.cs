using System.Data.Common;
using System.Text;

namespace Collab.Silo.Database;

/// <summary>
/// The write of a group commit: many rows in one transaction, in the form each dialect does fastest. Shared by the
/// project's own tables.
/// </summary>
internal static class SqlRows
{
    /// <summary>
    /// Writes the rows in one transaction: all of them or none. On PostgreSQL as one <c>INSERT INTO table (columns)
    /// VALUES (...), (...)</c>, since a single statement is its own transaction and a batch then costs one round trip
    /// (no BEGIN, no COMMIT). On SQLite, which runs in the process (no round trips) but looks each named parameter up by
    /// a linear scan of the statement's parameters, a statement of thousands of parameters costs time quadratic in the
    /// rows; there one single-row statement is prepared once and stepped per row inside BEGIN ... COMMIT.
    /// <paramref name="values"/> gives one row's values in column order; <paramref name="onConflict"/>, when given,
    /// follows the VALUES (an upsert's <c>ON CONFLICT</c> clause).
    /// </summary>
    public static async Task InsertAsync<T>(CollabDatabase database, string table, IReadOnlyList<string> columns, IReadOnlyList<T> rows,
        Func<T, object?[]> values, string onConflict = "")
    {
        if (rows.Count == 0)
        {
            return;
        }
        await database.WriteAsync(connection => database.Dialect == SqlDialect.Sqlite
            ? InsertEachInOneTransactionAsync(connection, table, columns, rows, values, onConflict)
            : InsertInOneStatementAsync(connection, null, table, columns, rows, values, onConflict));
    }

    private static async Task InsertInOneStatementAsync<T>(DbConnection connection, DbTransaction? transaction, string table,
        IReadOnlyList<string> columns, IReadOnlyList<T> rows, Func<T, object?[]> values, string onConflict)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = values(rows[i]);
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{c}_{i}";
                sql.Append(c == 0 ? name : $", {name}");
                Add(command, name, row[c]);
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(onConflict).Append(';').ToString();
        await command.ExecuteNonQueryAsync();
    }

    private static async Task InsertEachInOneTransactionAsync<T>(DbConnection connection, string table, IReadOnlyList<string> columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, string onConflict)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertEachAsync(connection, transaction, table, columns, rows, values, onConflict);
        await transaction.CommitAsync();
    }

    private static async Task InsertEachAsync<T>(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, string onConflict)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select((_, c) => $"@p{c}").ToArray();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)}){onConflict};";
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = rowValues[c] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>PostgreSQL takes at most 65,535 parameters in one statement.</summary>
    private const int MaxParametersPerStatement = 60_000;

    /// <summary>
    /// Writes the rows inside the caller's <paramref name="transaction"/>, in the form each dialect does fastest (see
    /// <see cref="InsertAsync{T}"/>): on PostgreSQL multi-row statements of at most
    /// <see cref="MaxParametersPerStatement"/> parameters, on SQLite one prepared statement stepped per row.
    /// </summary>
    public static async Task InsertInTransactionAsync<T>(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string table,
        IReadOnlyList<string> columns, IReadOnlyList<T> rows, Func<T, object?[]> values, string onConflict = "")
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (dialect == SqlDialect.Sqlite)
        {
            await InsertEachAsync(connection, transaction, table, columns, rows, values, onConflict);
            return;
        }
        var perStatement = MaxParametersPerStatement / columns.Count;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var chunk = rows.Skip(start).Take(perStatement).ToList();
            await InsertInOneStatementAsync(connection, transaction, table, columns, chunk, values, onConflict);
        }
    }

    /// <summary>
    /// Deletes at most <paramref name="maxRows"/> of one key's rows with <paramref name="orderColumn"/> up to
    /// <paramref name="through"/>, lowest first; returns how many went. Bounded by a sub-select because neither dialect's
    /// DELETE takes a LIMIT by default.
    /// </summary>
    public static async Task<int> DeleteOldestAsync(CollabDatabase database, string table, string keyColumn, string key,
        string orderColumn, long through, int maxRows)
    {
        var deleted = 0;
        await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM {table}
                WHERE {keyColumn} = @key AND {orderColumn} IN (
                    SELECT {orderColumn} FROM {table}
                    WHERE {keyColumn} = @key AND {orderColumn} <= @through
                    ORDER BY {orderColumn}
                    LIMIT @max);
                """;
            Add(command, "@key", key);
            Add(command, "@through", through);
            Add(command, "@max", maxRows);
            deleted = await command.ExecuteNonQueryAsync();
        });
        return deleted;
    }

    /// <summary>Adds a parameter; null is sent as SQL NULL (the providers refuse a parameter without a value).</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
