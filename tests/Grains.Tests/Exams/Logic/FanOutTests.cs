using Collab.Grains.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class FanOutTests
{
    [Fact]
    public async Task Results_come_in_the_order_of_the_ids_however_the_calls_finish()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"s-{i}").ToList();
        var pending = ids.ToDictionary(id => id, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

        var running = FanOut.RunAsync(ids, 20, id => pending[id].Task);
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            pending[id].SetResult(id.ToUpperInvariant());
        }

        Assert.Equal(ids.Select(id => id.ToUpperInvariant()), await running);
    }

    [Fact]
    public async Task No_more_than_the_bound_are_in_flight_at_once()
    {
        var ids = Enumerable.Range(0, 30).Select(i => $"s-{i}").ToList();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var boundReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var inFlight = 0;
        var most = 0;

        var running = FanOut.RunAsync(ids, 3, async id =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (Interlocked.Increment(ref started) == 3)
            {
                boundReached.SetResult();
            }
            await release.Task;
            Interlocked.Decrement(ref inFlight);
            return id;
        });
        await boundReached.Task;

        Assert.Equal(3, Volatile.Read(ref started));
        release.SetResult();
        Assert.Equal(ids, await running);
        Assert.Equal(3, most);
    }

    [Fact]
    public async Task No_ids_make_no_calls()
    {
        Assert.Empty(await FanOut.RunAsync<int>([], 4, _ => throw new InvalidOperationException("called")));
    }

    private static void InterlockedMax(ref int most, int value)
    {
        var seen = Volatile.Read(ref most);
        while (value > seen && Interlocked.CompareExchange(ref most, value, seen) is var was && was != seen)
        {
            seen = was;
        }
    }
}
