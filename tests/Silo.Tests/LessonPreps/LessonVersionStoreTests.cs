using Collab.Grains.Interfaces.LessonPreps;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.LessonPreps;

/// <summary>The version store's SQL on both dialects: versions round-trip whole, list in order, per plan, and an id is written once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LessonVersionStoreTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Versions_round_trip_and_list_in_revision_order(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var database = empty.Database;
        var store = new LessonVersionStore(database);
        var at = new DateTimeOffset(2026, 11, 23, 9, 30, 1, 120, TimeSpan.Zero);
        LessonVersionView Version(string id, long revision) => new(
            new LessonVersionSummary(id, $"标签 {id}", revision, "t-1", at.AddMinutes(revision)),
            [new LessonSectionView("objectives", "教学目标", $"文本 {revision} 😀", null), new LessonSectionView("process", "教学过程", "", "t-2")]);

        await store.SaveAsync("lp-a", Version("v5", 5));
        await store.SaveAsync("lp-a", Version("v2", 2));
        await store.SaveAsync("lp-b", Version("v9", 9));

        Assert.Equal(["v2", "v5"], (await store.ListAsync("lp-a")).Select(v => v.VersionId));
        Assert.Equal(Version("v5", 5).Version, (await store.ListAsync("lp-a"))[1]);
        var loaded = await store.GetAsync("lp-a", "v5");
        Assert.NotNull(loaded);
        Assert.Equal(Version("v5", 5).Sections, loaded.Sections);
        Assert.Null(await store.GetAsync("lp-b", "v5"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.SaveAsync("lp-a", Version("v5", 6)));
    }
}
