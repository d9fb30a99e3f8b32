using System.Data.Common;
using System.Text.Json;
using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Silo.Database;

/// <summary>
/// The directory's tables (deploy/sql/*/directory). The SQL is the same on both dialects but for a list of keys, which
/// PostgreSQL takes as one array parameter and SQLite as one JSON array (<see cref="InKeys"/>). Text compares bytewise on
/// both (PostgreSQL's columns are COLLATE "C"), so a prefix is an index range. Every call runs off the Orleans
/// scheduler threads (SQLite's calls are synchronous).
/// </summary>
public sealed class DirectoryStore(CollabDatabase database) : IDirectoryStore, IPeopleLookup
{
    /// <summary>Past every UTF-8 string that starts with the prefix, bytewise: U+10FFFF encodes as F4 8F BF BF.</summary>
    private const string AfterEveryContinuation = "\U0010FFFF";

    private const string PersonColumns =
        "p.user_id AS user_id, p.name AS name, p.role AS role, p.school_code AS school_code, COALESCE(s.name, '') AS school_name, COALESCE(s.county, '') AS county";

    private SqlDialect Dialect => database.Dialect;

    public Task UpsertSchoolsAsync(IReadOnlyList<ValidSchool> schools) => WriteAsync(schools.Count, (connection, transaction) =>
        SqlRows.InsertInTransactionAsync(connection, transaction, Dialect, "directory_schools", ["code", "name", "county"], schools,
            school => [school.Code, school.Name, school.County],
            " ON CONFLICT (code) DO UPDATE SET name = excluded.name, county = excluded.county"));

    public async Task<IReadOnlyList<string>> UpsertPeopleAsync(IReadOnlyList<ValidPerson> people)
    {
        IReadOnlyList<string> reactivated = [];
        await WriteAsync(people.Count, async (connection, transaction) =>
        {
            reactivated = await KeysAsync(connection, transaction,
                $"SELECT user_id FROM directory_people WHERE active = FALSE AND user_id {InKeys("@ids")};", people.Select(p => p.UserId).ToList());
            await SqlRows.InsertInTransactionAsync(connection, transaction, Dialect, "directory_people",
                ["user_id", "name", "role", "school_code", "subjects", "active"], people,
                person => [person.UserId, person.Name, person.Role, person.SchoolCode, person.Subjects, true],
                """
                 ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, role = excluded.role, school_code = excluded.school_code,
                subjects = excluded.subjects, active = excluded.active
                """);
        });
        return reactivated;
    }

    public Task UpsertClassesAsync(IReadOnlyList<ValidClass> classes) => WriteAsync(classes.Count, async (connection, transaction) =>
    {
        await SqlRows.InsertInTransactionAsync(connection, transaction, Dialect, "directory_classes", ["id", "school_code", "name", "grade"], classes,
            row => [row.Id, row.SchoolCode, row.Name, row.Grade],
            " ON CONFLICT (id) DO UPDATE SET school_code = excluded.school_code, name = excluded.name, grade = excluded.grade");
        await ExecuteAsync(connection, transaction, $"DELETE FROM directory_class_members WHERE class_id {InKeys("@ids")};", classes.Select(c => c.Id).ToList());
        var members = classes.SelectMany(row => row.TeacherIds.Select(id => (row.Id, id, "teacher")).Concat(row.StudentIds.Select(id => (row.Id, id, "student")))).ToList();
        await SqlRows.InsertInTransactionAsync(connection, transaction, Dialect, "directory_class_members", ["class_id", "user_id", "kind"], members,
            member => [member.Item1, member.Item2, member.Item3]);
    });

    public Task<bool> UpdateFromSignInAsync(string userId, string? name, string? schoolCode) => Task.Run(async () =>
    {
        var changed = 0;
        await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            // A school code the directory does not know leaves the person's school as it is; an absent name, their name.
            command.CommandText =
                """
                UPDATE directory_people SET
                  name = COALESCE(@name, name),
                  school_code = COALESCE((SELECT code FROM directory_schools WHERE code = @school), school_code)
                WHERE user_id = @id AND active = TRUE
                  AND (name <> COALESCE(@name, name)
                    OR school_code <> COALESCE((SELECT code FROM directory_schools WHERE code = @school), school_code));
                """;
            SqlRows.Add(command, "@id", userId);
            SqlRows.Add(command, "@name", name);
            SqlRows.Add(command, "@school", schoolCode);
            changed = await command.ExecuteNonQueryAsync();
        });
        return changed > 0;
    });

    public async Task<IReadOnlyList<string>> DeactivateAsync(IReadOnlyList<string> userIds)
    {
        IReadOnlyList<string> turned = [];
        await WriteAsync(userIds.Count, async (connection, transaction) =>
        {
            turned = await KeysAsync(connection, transaction, $"SELECT user_id FROM directory_people WHERE active = TRUE AND user_id {InKeys("@ids")};", userIds);
            await ExecuteAsync(connection, transaction, $"UPDATE directory_people SET active = FALSE WHERE user_id {InKeys("@ids")};", userIds);
        });
        return turned;
    }

    public Task<IReadOnlySet<string>> KnownSchoolsAsync(IReadOnlyCollection<string> codes) =>
        KnownAsync($"SELECT code FROM directory_schools WHERE code {InKeys("@ids")};", codes);

    public Task<IReadOnlySet<string>> KnownPeopleAsync(IReadOnlyCollection<string> userIds) =>
        KnownAsync($"SELECT user_id FROM directory_people WHERE user_id {InKeys("@ids")};", userIds);

    public Task<IReadOnlyList<string>> InactiveUserIdsAsync() => ReadAsync(
        "SELECT user_id FROM directory_people WHERE active = FALSE ORDER BY user_id;", _ => { }, reader => reader.GetString(0));

    public Task<IReadOnlyList<DirectoryPerson>> SearchPeopleAsync(PeopleFilter filter) =>
        ReadAsync(SearchSql(filter), command =>
        {
            // Only the parameters the statement names: Npgsql cannot type an unused null.
            foreach (var (name, value) in SearchParameters(filter))
            {
                SqlRows.Add(command, name, value);
            }
        }, Person);

    private static IEnumerable<(string Name, object Value)> SearchParameters(PeopleFilter filter)
    {
        yield return ("@limit", filter.Limit);
        if (filter.Q.Length > 0)
        {
            yield return ("@q", filter.Q);
            yield return ("@qEnd", filter.Q + AfterEveryContinuation);
        }
        if (filter.School.Length > 0)
        {
            yield return ("@school", filter.School);
        }
        if (filter.County.Length > 0)
        {
            yield return ("@county", filter.County);
        }
        if (filter.Role.Length > 0)
        {
            yield return ("@role", filter.Role);
        }
        if (filter.After is { } after)
        {
            yield return ("@afterName", after.Name);
            yield return ("@afterId", after.UserId);
        }
    }

    /// <summary>
    /// The search as a statement. A prefix is two index ranges, one per column; each branch takes its own first page in
    /// (name, user id) order and the union keeps the first page of both, so neither column's index is given up for the
    /// other's (an OR of the two would scan). Only the filters given are in the statement, so the planner sees them.
    /// </summary>
    public static string SearchSql(PeopleFilter filter)
    {
        var conditions = new List<string> { "p.active = TRUE" };
        if (filter.School.Length > 0)
        {
            conditions.Add("p.school_code = @school");
        }
        if (filter.County.Length > 0)
        {
            conditions.Add("s.county = @county");
        }
        if (filter.Role.Length > 0)
        {
            conditions.Add("p.role = @role");
        }
        if (filter.After is not null)
        {
            conditions.Add("(p.name, p.user_id) > (@afterName, @afterId)");
        }
        string Branch(string? prefix) =>
            $"SELECT {PersonColumns} FROM directory_people p LEFT JOIN directory_schools s ON s.code = p.school_code " +
            $"WHERE {string.Join(" AND ", prefix is null ? conditions : conditions.Append(prefix))} ORDER BY p.name, p.user_id LIMIT @limit";
        if (filter.Q.Length == 0)
        {
            return Branch(null) + ";";
        }
        return $"SELECT * FROM ({Branch("p.name >= @q AND p.name < @qEnd")}) AS by_name " +
            $"UNION SELECT * FROM ({Branch("p.user_id >= @q AND p.user_id < @qEnd")}) AS by_id ORDER BY name, user_id LIMIT @limit;";
    }

    public Task<IReadOnlyList<DirectorySchool>> SchoolsAsync(string? county) => ReadAsync(
        string.IsNullOrEmpty(county)
            ? "SELECT code, name, county FROM directory_schools ORDER BY code;"
            : "SELECT code, name, county FROM directory_schools WHERE county = @county ORDER BY code;",
        command =>
        {
            if (!string.IsNullOrEmpty(county))
            {
                SqlRows.Add(command, "@county", county);
            }
        }, School);

    public async Task<DirectorySchool?> SchoolAsync(string code) =>
        (await ReadAsync("SELECT code, name, county FROM directory_schools WHERE code = @code;", command => SqlRows.Add(command, "@code", code), School))
        .SingleOrDefault();

    public Task<DirectoryClass?> ClassAsync(string classId) => Task.Run(async () =>
    {
        await using var connection = await database.OpenAsync();
        var found = (await ReadAsync(connection, "SELECT id, name, grade, school_code FROM directory_classes WHERE id = @id;",
            command => SqlRows.Add(command, "@id", classId),
            reader => (Id: reader.GetString(0), Name: reader.GetString(1), Grade: reader.GetString(2), School: reader.GetString(3)))).SingleOrDefault();
        if (found.Id is null)
        {
            return null;
        }
        var members = await ReadAsync(connection,
            """
            SELECT m.user_id, m.kind, COALESCE(p.name, m.user_id) AS name FROM directory_class_members m
            LEFT JOIN directory_people p ON p.user_id = m.user_id
            WHERE m.class_id = @id ORDER BY m.kind, name, m.user_id;
            """,
            command => SqlRows.Add(command, "@id", classId),
            reader => (UserId: reader.GetString(0), Kind: reader.GetString(1), Name: reader.GetString(2)));
        return new DirectoryClass(found.Id, found.Name, found.Grade, found.School,
            members.Where(m => m.Kind == "teacher").Select(m => m.UserId).ToList(),
            members.Where(m => m.Kind == "student").Select(m => new ClassStudent(m.UserId, m.Name)).ToList());
    });

    public async Task<DirectoryPerson?> PersonAsync(string userId) =>
        (await ReadAsync($"SELECT {PersonColumns} FROM directory_people p LEFT JOIN directory_schools s ON s.code = p.school_code WHERE p.user_id = @id;",
            command => SqlRows.Add(command, "@id", userId), Person)).SingleOrDefault();

    public async Task<IReadOnlyDictionary<string, DirectoryPerson>> PeopleAsync(IReadOnlyCollection<string> userIds)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, DirectoryPerson>();
        }
        var found = await ReadAsync(
            $"SELECT {PersonColumns} FROM directory_people p LEFT JOIN directory_schools s ON s.code = p.school_code WHERE p.user_id {InKeys("@ids")};",
            command => AddKeys(command, userIds), Person);
        return found.ToDictionary(person => person.UserId, StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<ClassRef>> ClassesOfAsync(string userId) => ReadAsync(
        """
        SELECT DISTINCT c.id, c.name FROM directory_class_members m JOIN directory_classes c ON c.id = m.class_id
        WHERE m.user_id = @id ORDER BY c.id;
        """,
        command => SqlRows.Add(command, "@id", userId), reader => new ClassRef(reader.GetString(0), reader.GetString(1)));

    private static DirectoryPerson Person(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));

    private static DirectorySchool School(DbDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2));

    /// <summary><c>IN</c> the keys of parameter <paramref name="name"/>, one parameter however many keys (<see cref="AddKeys"/>).</summary>
    private string InKeys(string name) => Dialect == SqlDialect.Postgres ? $"= ANY({name})" : $"IN (SELECT value FROM json_each({name}))";

    private void AddKeys(DbCommand command, IReadOnlyCollection<string> keys) =>
        SqlRows.Add(command, "@ids", Dialect == SqlDialect.Postgres ? keys.ToArray() : JsonSerializer.Serialize(keys));

    /// <summary>One transaction on a connection of its own, off the scheduler; nothing at all for no rows.</summary>
    public Task RefreshStatisticsAsync() => Task.Run(() => database.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect == SqlDialect.Postgres
            ? "ANALYZE directory_schools, directory_people, directory_classes, directory_class_members;"
            : "ANALYZE directory_schools; ANALYZE directory_people; ANALYZE directory_classes; ANALYZE directory_class_members;";
        await command.ExecuteNonQueryAsync();
    }));

    private Task WriteAsync(int rows, Func<DbConnection, DbTransaction, Task> write) => rows == 0
        ? Task.CompletedTask
        : Task.Run(() => database.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await write(connection, transaction);
            await transaction.CommitAsync();
        }));

    private async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<string> keys)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddKeys(command, keys);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<string>> KeysAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyCollection<string> keys)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddKeys(command, keys);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }

    private async Task<IReadOnlySet<string>> KnownAsync(string sql, IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return new HashSet<string>();
        }
        var found = await ReadAsync(sql, command => AddKeys(command, keys), reader => reader.GetString(0));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Action<DbCommand> parameters, Func<DbDataReader, T> row) => Task.Run(async () =>
    {
        await using var connection = await database.OpenAsync();
        return await ReadAsync(connection, sql, parameters, row);
    });

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(DbConnection connection, string sql, Action<DbCommand> parameters, Func<DbDataReader, T> row)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
