using Collab.Grains.Groups;
using Collab.Grains.Interfaces.Groups;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.Groups;

/// <summary>
/// The group catalog's SQL on both dialects: an upsert replaces a group's line; filters combine; the name search
/// matches anywhere and ignores ASCII case, with LIKE's wildcards taken literally; pages are cut alike on both
/// dialects, by code point, and never repeat or skip a line.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCatalogTableTests(PostgresServer postgres)
{
    private static GroupListing Line(string id, string name, string county = "西湖区", string subject = "math", int members = 1) =>
        new(id, name, subject, "7", county, members, new GroupLeader("t-" + id, "王老师"));

    private static GroupQuery Query(string? county = null, string? subject = null, string? q = null, int limit = 50) =>
        new(county, subject, null, q, limit, null);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_upsert_replaces_the_line_and_filters_combine(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var catalog = new GroupCatalogTable(empty.Database);
        await catalog.UpsertAsync(Line("g1", "初中数学教研组"));
        await catalog.UpsertAsync(Line("g2", "初中物理教研组", subject: "physics"));
        await catalog.UpsertAsync(Line("g3", "萧山数学组", county: "萧山区"));
        await catalog.UpsertAsync(Line("g4", "全市数学工作室") with { County = null });
        await catalog.UpsertAsync(Line("g1", "初中数学教研组", members: 7));

        Assert.Equal(7, (await catalog.SearchAsync(Query(county: "西湖区", subject: "math"), null)).Single().MemberCount);
        Assert.Equal(["g3"], (await catalog.SearchAsync(Query(county: "萧山区"), null)).Select(l => l.Id));
        Assert.Null((await catalog.SearchAsync(Query(q: "全市"), null)).Single().County);
        Assert.Equal(4, (await catalog.SearchAsync(Query(), null)).Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_name_search_matches_anywhere_ignores_ascii_case_and_takes_wildcards_literally(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var catalog = new GroupCatalogTable(empty.Database);
        await catalog.UpsertAsync(Line("g1", "STEM 教研组"));
        await catalog.UpsertAsync(Line("g2", "100% 数学"));
        await catalog.UpsertAsync(Line("g3", "a_b 组"));
        await catalog.UpsertAsync(Line("g4", "axb 组"));

        Assert.Equal(["g1"], (await catalog.SearchAsync(Query(q: "stem"), null)).Select(l => l.Id));
        Assert.Equal(["g1"], (await catalog.SearchAsync(Query(q: "教研"), null)).Select(l => l.Id));
        Assert.Equal(["g2"], (await catalog.SearchAsync(Query(q: "%"), null)).Select(l => l.Id));
        Assert.Equal(["g3"], (await catalog.SearchAsync(Query(q: "a_b"), null)).Select(l => l.Id));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Pages_are_cut_by_code_point_and_neither_repeat_nor_skip(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var catalog = new GroupCatalogTable(empty.Database);
        var random = new Random(4242);
        var names = new[] { "B组", "a组", "数学组", "Z组", "教研组", "😀组", "b组" };
        var lines = Enumerable.Range(0, 40).Select(i => Line($"g{i:D2}", names[random.Next(names.Length)])).ToList();
        foreach (var line in lines)
        {
            await catalog.UpsertAsync(line);
        }

        var seen = new List<string>();
        GroupCursor? after = null;
        while (true)
        {
            var page = await catalog.SearchAsync(Query(limit: 6), after);
            seen.AddRange(page.Select(l => l.Id));
            if (page.Count < 6)
            {
                break;
            }
            after = new GroupCursor(page[^1].Name, page[^1].Id);
        }

        var expected = lines.OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal).Select(l => l.Id);
        Assert.Equal(expected, seen);
    }
}
