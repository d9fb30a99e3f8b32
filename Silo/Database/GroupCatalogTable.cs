using System.Data.Common;
using System.Text;
using Collab.Grains.Groups;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Silo.Database;

/// <summary>The group catalog in <c>group_catalog</c>; the same SQL on both dialects.</summary>
public sealed class GroupCatalogTable(CollabDatabase database) : IGroupCatalog
{
    public Task UpsertAsync(GroupListing listing) => database.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO group_catalog (group_id, name, name_key, subject, grade, county, member_count, leader_id, leader_name)
            VALUES (@id, @name, @key, @subject, @grade, @county, @members, @leader, @leaderName)
            ON CONFLICT (group_id) DO UPDATE SET
                name = excluded.name, name_key = excluded.name_key, subject = excluded.subject, grade = excluded.grade,
                county = excluded.county, member_count = excluded.member_count,
                leader_id = excluded.leader_id, leader_name = excluded.leader_name;
            """;
        SqlRows.Add(command, "@id", listing.Id);
        SqlRows.Add(command, "@name", listing.Name);
        SqlRows.Add(command, "@key", NameKey(listing.Name));
        SqlRows.Add(command, "@subject", listing.Subject);
        SqlRows.Add(command, "@grade", listing.Grade);
        SqlRows.Add(command, "@county", listing.County ?? "");
        SqlRows.Add(command, "@members", listing.MemberCount);
        SqlRows.Add(command, "@leader", listing.Leader.UserId);
        SqlRows.Add(command, "@leaderName", listing.Leader.Name);
        await command.ExecuteNonQueryAsync();
    });

    public async Task<IReadOnlyList<GroupListing>> SearchAsync(GroupQuery query, GroupCursor? after)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        // Only the filters given become conditions: PostgreSQL cannot type a parameter that is only ever null.
        var where = new List<string>();
        Filter(command, where, "county", query.County);
        Filter(command, where, "subject", query.Subject);
        Filter(command, where, "grade", query.Grade);
        if (query.Q is not null)
        {
            where.Add(@"name_key LIKE @q ESCAPE '\'");
            SqlRows.Add(command, "@q", $"%{EscapeLike(NameKey(query.Q))}%");
        }
        if (after is not null)
        {
            where.Add("(name > @afterName OR (name = @afterName AND group_id > @afterId))");
            SqlRows.Add(command, "@afterName", after.Name);
            SqlRows.Add(command, "@afterId", after.Id);
        }
        command.CommandText = $"""
            SELECT group_id, name, subject, grade, county, member_count, leader_id, leader_name FROM group_catalog
            {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY name, group_id LIMIT @limit;
            """;
        SqlRows.Add(command, "@limit", query.Limit);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<GroupListing>();
        while (await reader.ReadAsync())
        {
            lines.Add(Line(reader));
        }
        return lines;
    }

    private static void Filter(DbCommand command, List<string> where, string column, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = @{column}");
            SqlRows.Add(command, "@" + column, value);
        }
    }

    private static GroupListing Line(DbDataReader reader)
    {
        var county = reader.GetString(4);
        return new GroupListing(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            county.Length == 0 ? null : county, Convert.ToInt32(reader.GetValue(5)), new GroupLeader(reader.GetString(6), reader.GetString(7)));
    }

    /// <summary>ASCII letters lower-cased, nothing else touched: the same on both dialects, whatever their locale.</summary>
    private static string NameKey(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            key.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }
        return key.ToString();
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
