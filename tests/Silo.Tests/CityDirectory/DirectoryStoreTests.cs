using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Directory;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.CityDirectory;

/// <summary>
/// The directory's SQL on both dialects: upserts replace by key and a repeat changes nothing, class members are
/// replaced with their class, a prefix search over names and ids pages through every match once in order, and it runs
/// on the indexes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DirectoryStoreTests(PostgresServer postgres)
{
    private static PeopleFilter Filter(string q = "", string school = "", string county = "", string role = "", int limit = 50, PeopleCursor? after = null) =>
        new(q, school, county, role, limit, after);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Upserts_replace_by_key_and_the_same_rows_again_change_nothing(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var store = new DirectoryStore(empty.Database);
        var schools = new List<ValidSchool> { new("s-1", "第一中学", "东城区"), new("s-2", "第二中学", "西城区") };
        var people = new List<ValidPerson>
        {
            new("t-1", "王老师", "teacher", "s-1", "数学,物理"),
            new("st-1", "李明", "student", "s-1", ""),
            new("st-2", "张华", "student", "s-2", ""),
        };
        var classes = new List<ValidClass> { new("c-1", "s-1", "初一(1)班", "7", ["t-1"], ["st-1", "st-2"]) };

        for (var round = 0; round < 2; round++)
        {
            await store.UpsertSchoolsAsync(schools);
            Assert.Empty(await store.UpsertPeopleAsync(people));
            await store.UpsertClassesAsync(classes);
        }

        Assert.Equal(schools.Select(s => new DirectorySchool(s.Code, s.Name, s.County)), await store.SchoolsAsync(null));
        Assert.Equal([new DirectorySchool("s-2", "第二中学", "西城区")], await store.SchoolsAsync("西城区"));
        var stored = (await store.ClassAsync("c-1"))!;
        Assert.Equal(("c-1", "初一(1)班", "7", "s-1"), (stored.Id, stored.Name, stored.Grade, stored.SchoolCode));
        Assert.Equal(["t-1"], stored.TeacherIds);
        Assert.Equal([new ClassStudent("st-2", "张华"), new ClassStudent("st-1", "李明")], stored.Students);
        Assert.Equal([new ClassRef("c-1", "初一(1)班")], await store.ClassesOfAsync("st-2"));
        Assert.Equal(new DirectoryPerson("st-2", "张华", "student", "s-2", "第二中学", "西城区"), await store.PersonAsync("st-2"));
        Assert.Equal(3, (await store.SearchPeopleAsync(Filter())).Count);
        var some = await store.PeopleAsync(["st-1", "t-1", "nobody"]);
        Assert.Equal(["st-1", "t-1"], some.Keys.Order());
        Assert.Equal(new DirectoryPerson("t-1", "王老师", "teacher", "s-1", "第一中学", "东城区"), some["t-1"]);
        Assert.Empty(await store.PeopleAsync([]));

        await store.UpsertSchoolsAsync([new("s-2", "第二实验中学", "西城区")]);
        await store.UpsertClassesAsync([new("c-1", "s-1", "初一(1)班", "7", ["t-1"], ["st-1"])]);
        Assert.Equal("第二实验中学", (await store.SchoolAsync("s-2"))!.Name);
        Assert.Equal([new ClassStudent("st-1", "李明")], (await store.ClassAsync("c-1"))!.Students);
        Assert.Empty(await store.ClassesOfAsync("st-2"));
        Assert.Null(await store.ClassAsync("c-2"));
        Assert.Equal(new HashSet<string> { "s-1" }, await store.KnownSchoolsAsync(["s-1", "s-9"]));
        Assert.Equal(new HashSet<string> { "t-1", "st-2" }, await store.KnownPeopleAsync(["t-1", "st-2", "nobody"]));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_sign_in_update_takes_a_known_school_and_a_name_for_an_active_person_only(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var store = new DirectoryStore(empty.Database);
        await store.UpsertSchoolsAsync([new("s-1", "第一中学", "东城区"), new("s-2", "第二中学", "西城区")]);
        await store.UpsertPeopleAsync([new("t-1", "王老师", "teacher", "s-1", ""), new("t-2", "赵老师", "teacher", "s-1", "")]);
        await store.DeactivateAsync(["t-2"]);

        Assert.True(await store.UpdateFromSignInAsync("t-1", "王芳", "s-2"));
        Assert.False(await store.UpdateFromSignInAsync("t-1", "王芳", "s-2"));
        Assert.Equal(new DirectoryPerson("t-1", "王芳", "teacher", "s-2", "第二中学", "西城区"), await store.PersonAsync("t-1"));

        Assert.True(await store.UpdateFromSignInAsync("t-1", null, "s-1"));
        Assert.False(await store.UpdateFromSignInAsync("t-1", "王芳", "s-unknown"));
        Assert.True(await store.UpdateFromSignInAsync("t-1", "王芳芳", "s-unknown"));
        Assert.Equal(new DirectoryPerson("t-1", "王芳芳", "teacher", "s-1", "第一中学", "东城区"), await store.PersonAsync("t-1"));

        Assert.False(await store.UpdateFromSignInAsync("t-2", "赵敏", "s-2"));
        Assert.False(await store.UpdateFromSignInAsync("nobody", "无名", "s-2"));
        Assert.Equal("赵老师", (await store.PersonAsync("t-2"))!.Name);
        Assert.Null(await store.PersonAsync("nobody"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Deactivated_people_leave_the_search_and_an_upsert_brings_them_back(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var store = new DirectoryStore(empty.Database);
        await store.UpsertSchoolsAsync([new("s-1", "一中", "东城区")]);
        var people = Enumerable.Range(1, 4).Select(i => new ValidPerson($"t-{i}", $"老师{i}", "teacher", "s-1", "")).ToList();
        await store.UpsertPeopleAsync(people);

        Assert.Equal(["t-2", "t-3"], (await store.DeactivateAsync(["t-2", "t-3"])).Order());
        Assert.Empty(await store.DeactivateAsync(["t-2"]));
        Assert.Equal(["t-2", "t-3"], await store.InactiveUserIdsAsync());
        Assert.Equal(["t-1", "t-4"], (await store.SearchPeopleAsync(Filter())).Select(p => p.UserId));

        Assert.Equal(["t-3"], await store.UpsertPeopleAsync([people[2]]));
        Assert.Equal(["t-2"], await store.InactiveUserIdsAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_prefix_search_pages_through_every_match_of_name_or_id_once_in_order(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var store = new DirectoryStore(empty.Database);
        await store.UpsertSchoolsAsync([new("s-1", "一中", "东城区"), new("s-2", "二中", "西城区")]);
        var random = new Random(19);
        string[] surnames = ["王", "李", "张", "Wang", "wa", "刘", "王小"];
        var people = Enumerable.Range(0, 600).Select(i => new ValidPerson(
            random.Next(3) == 0 ? $"wa{i:D4}" : $"u{i:D4}",
            surnames[random.Next(surnames.Length)] + (char)('一' + random.Next(40)) + (random.Next(5) == 0 ? "😀" : ""),
            random.Next(4) == 0 ? "student" : "teacher",
            random.Next(2) == 0 ? "s-1" : "s-2",
            "")).DistinctBy(p => p.UserId).ToList();
        await store.UpsertPeopleAsync(people);
        var schools = new Dictionary<string, string> { ["s-1"] = "东城区", ["s-2"] = "西城区" };

        foreach (var filter in new[] { Filter("王", limit: 7), Filter("wa", limit: 11), Filter("Wang", role: "teacher", limit: 5),
                     Filter("", county: "西城区", limit: 50), Filter("王小", school: "s-1", limit: 3), Filter("无", limit: 3) })
        {
            var expected = people
                .Where(p => filter.Q.Length == 0 || p.Name.StartsWith(filter.Q, StringComparison.Ordinal) || p.UserId.StartsWith(filter.Q, StringComparison.Ordinal))
                .Where(p => filter.Role.Length == 0 || p.Role == filter.Role)
                .Where(p => filter.School.Length == 0 || p.SchoolCode == filter.School)
                .Where(p => filter.County.Length == 0 || schools[p.SchoolCode] == filter.County)
                .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.UserId, StringComparer.Ordinal)
                .Select(p => p.UserId)
                .ToList();
            var found = new List<string>();
            PeopleCursor? after = null;
            while (true)
            {
                var page = await store.SearchPeopleAsync(filter with { After = after });
                Assert.True(page.Count <= filter.Limit);
                found.AddRange(page.Select(p => p.UserId));
                if (page.Count < filter.Limit)
                {
                    break;
                }
                after = new PeopleCursor(page[^1].Name, page[^1].UserId);
            }
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public async Task On_postgres_a_prefix_search_over_many_people_runs_on_the_indexes()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("postgres", postgres);
        var store = new DirectoryStore(empty.Database);
        await FillAsync(store, 20_000);
        await store.RefreshStatisticsAsync();
        await using var connection = await empty.Database.OpenAsync();

        var plan = await PlanAsync(connection, "EXPLAIN " + DirectoryStore.SearchSql(Filter("王1")),
            ("@q", "王1"), ("@qEnd", "王1\U0010FFFF"), ("@limit", 51));
        Assert.Contains("directory_people_name", plan);
        Assert.Contains("directory_people_pkey", plan);
        Assert.DoesNotContain("Seq Scan on directory_people", plan);

        var page = await PlanAsync(connection, "EXPLAIN " + DirectoryStore.SearchSql(Filter(after: new("王", "u1"))),
            ("@afterName", "王"), ("@afterId", "u1"), ("@limit", 51));
        Assert.Contains("directory_people_name", page);
    }

    [Fact]
    public async Task On_sqlite_a_prefix_search_runs_on_the_indexes()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("sqlite", postgres);
        var store = new DirectoryStore(empty.Database);
        await FillAsync(store, 2_000);
        await using var connection = await empty.Database.OpenAsync();

        var plan = await PlanAsync(connection, "EXPLAIN QUERY PLAN " + DirectoryStore.SearchSql(Filter("王1")),
            ("@q", "王1"), ("@qEnd", "王1\U0010FFFF"), ("@limit", 51));
        Assert.Contains("INDEX directory_people_name (name>? AND name<?)", plan);
        Assert.Contains("(user_id>? AND user_id<?)", plan);
        Assert.DoesNotContain("SCAN p", plan);
    }

    private static async Task FillAsync(DirectoryStore store, int count)
    {
        await store.UpsertSchoolsAsync(Enumerable.Range(0, 50).Select(i => new ValidSchool($"s-{i}", $"学校{i}", $"县{i % 5}")).ToList());
        var random = new Random(7);
        for (var start = 0; start < count; start += 1_000)
        {
            await store.UpsertPeopleAsync(Enumerable.Range(start, Math.Min(1_000, count - start))
                .Select(i => new ValidPerson($"u{i}", $"{"王李张刘陈"[random.Next(5)]}{random.Next(100_000)}", "teacher", $"s-{random.Next(50)}", "")).ToList());
        }
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> PlanAsync(System.Data.Common.DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
        }
        return string.Join("\n", lines);
    }
}
