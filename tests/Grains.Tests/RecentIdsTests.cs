namespace Collab.Grains.Tests;

/// <summary>The per-user lists' one rule set (<see cref="RecentIds"/>): once each, newest first, bounded, durable or unchanged.</summary>
public sealed class RecentIdsTests
{
    private static readonly Func<Task> Stored = () => Task.CompletedTask;

    [Fact]
    public async Task An_id_is_listed_once_newest_first_and_the_oldest_go_past_the_bound()
    {
        var ids = new List<string>();
        var writes = 0;
        foreach (var id in new[] { "a", "b", "a", "c", "d" })
        {
            await RecentIds.AddAsync(ids, id, kept: 3, () => { writes++; return Task.CompletedTask; });
        }

        Assert.Equal(["d", "c", "b"], RecentIds.NewestFirst(ids));
        Assert.Equal(4, writes);
    }

    [Fact]
    public async Task A_failed_write_leaves_the_list_as_it_was_so_a_retry_writes_again()
    {
        var ids = new List<string>();
        await RecentIds.AddAsync(ids, "a", kept: 2, Stored);
        await RecentIds.AddAsync(ids, "b", kept: 2, Stored);

        await Assert.ThrowsAsync<TimeoutException>(() => RecentIds.AddAsync(ids, "c", kept: 2, () => throw new TimeoutException()));
        Assert.Equal(["a", "b"], ids);

        var written = false;
        await RecentIds.AddAsync(ids, "c", kept: 2, () => { written = true; return Task.CompletedTask; });
        Assert.True(written);
        Assert.Equal(["c", "b"], RecentIds.NewestFirst(ids));
    }
}
