using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.Exams;

/// <summary>The candidate index on both dialects: idempotent rows per student and exam, listed the latest opening first.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CandidateIndexTableTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_students_exams_come_latest_opening_first_and_the_same_rows_again_change_nothing(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var index = new CandidateIndexTable(empty.Database);
        var monday = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

        for (var round = 0; round < 2; round++)
        {
            await index.AddAsync("e-math", monday, ["s-1", "s-2"]);
            await index.AddAsync("e-it", monday.AddDays(2), ["s-1"]);
            await index.AddAsync("e-art", monday.AddDays(1), ["s-1", "s-3"]);
        }
        await index.AddAsync("e-none", monday, []);

        Assert.Equal(["e-it", "e-art", "e-math"], await index.ExamsOfAsync("s-1", 10));
        Assert.Equal(["e-it", "e-art"], await index.ExamsOfAsync("s-1", 2));
        Assert.Equal(["e-math"], await index.ExamsOfAsync("s-2", 10));
        Assert.Empty(await index.ExamsOfAsync("s-9", 10));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_city_roster_is_stored_in_one_call(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var index = new CandidateIndexTable(empty.Database);
        var students = Enumerable.Range(0, 12_000).Select(i => $"s-{i:D5}").ToList();

        await index.AddAsync("e-city", DateTimeOffset.UnixEpoch, students);

        Assert.Equal(["e-city"], await index.ExamsOfAsync("s-11999", 10));
        Assert.Equal(["e-city"], await index.ExamsOfAsync("s-00000", 10));
    }
}
