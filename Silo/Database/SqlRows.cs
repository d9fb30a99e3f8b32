using System.Data.Common;
using System.Text;

namespace Collab.Silo.Database;

/// <summary>
/// The statement of a group commit: many rows in one INSERT, whose parameters are numbered per row
/// (<c>@plan0, @seq0, ...</c>), so a batch of any size is one round trip. Shared by the project's own tables.
/// </summary>
internal static class SqlRows
{
    /// <summary>
    /// Writes the rows as one <c>INSERT INTO table (columns) VALUES (...), (...)</c>: all of them or none, since a
    /// single statement is its own transaction in both dialects, so a batch costs one round trip (no BEGIN, no COMMIT).
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
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
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

    /// <summary>Adds a parameter; null is sent as SQL NULL (the providers refuse a parameter without a value).</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
