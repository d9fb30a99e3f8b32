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
    /// Appends <c>INSERT INTO table (columns) VALUES (...), (...)</c> for the rows to <paramref name="command"/>'s
    /// text, and their values as parameters; <paramref name="values"/> gives one row's values in column order.
    /// </summary>
    public static StringBuilder Insert<T>(DbCommand command, string table, IReadOnlyList<string> columns, IReadOnlyList<T> rows, Func<T, object[]> values)
    {
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
        return sql;
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
