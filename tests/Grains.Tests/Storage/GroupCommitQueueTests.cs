using Collab.Grains.Storage;

namespace Collab.Grains.Tests.Storage;

public sealed class GroupCommitQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Items_arriving_while_a_write_is_under_way_go_together_in_the_next_write_and_complete_only_after_it()
    {
        var writes = new HeldWrites<int>();
        var queue = new GroupCommitQueue<int>("t", writes.WriteAsync, concurrentWrites: 1, _ => 1, weightPerWrite: 100);

        var first = queue.EnqueueAsync(1);
        var firstWrite = await writes.NextAsync();
        var later = new[] { queue.EnqueueAsync(2), queue.EnqueueAsync(3), queue.EnqueueAsync(4) };
        Assert.False(first.IsCompleted);
        firstWrite.Release();
        await first.WaitAsync(Patience);

        var secondWrite = await writes.NextAsync();
        Assert.Equal([2, 3, 4], secondWrite.Items);
        Assert.All(later, save => Assert.False(save.IsCompleted));
        secondWrite.Release();
        await Task.WhenAll(later).WaitAsync(Patience);
        Assert.Equal([[1], [2, 3, 4]], writes.Written);
    }

    [Fact]
    public async Task A_failed_write_fails_exactly_its_items_and_the_next_write_goes_on()
    {
        var writes = new HeldWrites<string>();
        var queue = new GroupCommitQueue<string>("t", writes.WriteAsync, concurrentWrites: 1, _ => 1, weightPerWrite: 100);

        var kept = queue.EnqueueAsync("kept");
        var firstWrite = await writes.NextAsync();
        var doomed = new[] { queue.EnqueueAsync("a"), queue.EnqueueAsync("b") };
        firstWrite.Release();
        var failing = await writes.NextAsync();
        var after = queue.EnqueueAsync("after");
        failing.Fail(new TimeoutException("the database went away"));

        await kept.WaitAsync(Patience);
        foreach (var save in doomed)
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => save.WaitAsync(Patience));
            Assert.Equal("the database went away", error.Message);
        }
        (await writes.NextAsync()).Release();
        await after.WaitAsync(Patience);
        Assert.Equal([["kept"], ["after"]], writes.Written);
    }

    [Fact]
    public async Task A_write_refused_for_one_item_is_written_again_in_halves_so_only_that_item_fails()
    {
        var writes = new RefusingWrites(refused: "bad");
        var queue = new GroupCommitQueue<string>("t", writes.WriteAsync, concurrentWrites: 1, _ => 1, weightPerWrite: 100);

        var blocker = queue.EnqueueAsync("first");
        var saves = new[] { "a", "b", "c", "bad", "d", "e" }.ToDictionary(item => item, queue.EnqueueAsync);
        writes.Release();
        await blocker.WaitAsync(Patience);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => saves["bad"].WaitAsync(Patience));
        Assert.Equal("bad is refused", error.Message);
        await Task.WhenAll(saves.Where(save => save.Key != "bad").Select(save => save.Value)).WaitAsync(Patience);
        Assert.Equal(["first", "a", "b", "c", "d", "e"], writes.Durable);
        Assert.True(writes.Attempts <= 1 + 2 * 3, $"{writes.Attempts} writes");
    }

    [Theory]
    [InlineData(20261207, 1)]
    [InlineData(11, 4)]
    public async Task Under_random_load_every_good_item_is_durable_once_and_only_the_refused_items_fail(int seed, int concurrentWrites)
    {
        const int producers = 12, itemsEach = 30;
        var random = new Random(seed);
        var refused = Enumerable.Range(0, producers).Select(_ => Enumerable.Range(0, itemsEach).Select(_ => random.Next(15) == 0).ToArray()).ToArray();
        var writes = new RefusingWrites(refused: null);
        var queue = new GroupCommitQueue<string>("t", writes.WriteAsync, concurrentWrites, _ => 1, weightPerWrite: 20);
        writes.Release();

        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            var saves = Enumerable.Range(0, itemsEach).Select(i => (i, Save: queue.EnqueueAsync(refused[p][i] ? $"bad {p}/{i}" : $"{p}/{i}"))).ToList();
            foreach (var (i, save) in saves)
            {
                if (refused[p][i])
                {
                    await Assert.ThrowsAsync<ArgumentException>(() => save.WaitAsync(Patience));
                }
                else
                {
                    await save.WaitAsync(Patience);
                }
            }
        })));

        var expected = Enumerable.Range(0, producers).SelectMany(p => Enumerable.Range(0, itemsEach).Where(i => !refused[p][i]).Select(i => $"{p}/{i}"));
        Assert.Equal(expected.Order(), writes.Durable.Order());
    }

    [Fact]
    public async Task A_write_takes_items_in_order_while_their_weights_fit_and_a_heavier_item_goes_alone()
    {
        var writes = new HeldWrites<int>();
        var queue = new GroupCommitQueue<int>("t", writes.WriteAsync, concurrentWrites: 1, weight => weight, weightPerWrite: 10);

        var blocker = queue.EnqueueAsync(1);
        var held = await writes.NextAsync();
        var saves = new[] { 4, 5, 2, 30, 3, 7 }.Select(queue.EnqueueAsync).ToList();
        held.Release();
        for (var i = 0; i < 4; i++)
        {
            (await writes.NextAsync()).Release();
        }
        await Task.WhenAll(saves.Append(blocker)).WaitAsync(Patience);
        Assert.Equal([[1], [4, 5], [2], [30], [3, 7]], writes.Written);
    }

    [Fact]
    public async Task No_more_writes_are_under_way_at_once_than_allowed()
    {
        var writes = new HeldWrites<int>();
        var queue = new GroupCommitQueue<int>("t", writes.WriteAsync, concurrentWrites: 2, _ => 1, weightPerWrite: 100);

        var saves = new List<Task> { queue.EnqueueAsync(1) };
        var firstWrite = await writes.NextAsync();
        saves.Add(queue.EnqueueAsync(2));
        var both = new[] { firstWrite, await writes.NextAsync() };
        saves.Add(queue.EnqueueAsync(3));
        saves.Add(queue.EnqueueAsync(4));
        Assert.False(writes.HasWaiting);
        both[0].Release();
        var third = await writes.NextAsync();
        Assert.Equal([3, 4], third.Items);
        both[1].Release();
        third.Release();
        await Task.WhenAll(saves).WaitAsync(Patience);
        Assert.Equal(2, writes.MostAtOnce);
    }

    [Fact]
    public async Task The_waiting_hook_hears_of_each_item_that_found_every_write_busy()
    {
        var writes = new HeldWrites<int>();
        var waited = 0;
        var queue = new GroupCommitQueue<int>("t", writes.WriteAsync, concurrentWrites: 1, _ => 1, weightPerWrite: 100,
            () => Interlocked.Increment(ref waited));

        var first = queue.EnqueueAsync(1);
        var held = await writes.NextAsync();
        var later = new[] { queue.EnqueueAsync(2), queue.EnqueueAsync(3) };
        Assert.Equal(2, waited);
        held.Release();
        (await writes.NextAsync()).Release();
        await Task.WhenAll(later.Append(first)).WaitAsync(Patience);
        Assert.Equal(2, waited);
    }

    [Theory]
    [InlineData(20261203, 1)]
    [InlineData(7, 2)]
    [InlineData(42, 4)]
    public async Task Under_random_load_and_transient_failures_every_item_is_written_once_and_completes_as_its_write_did(int seed, int concurrentWrites)
    {
        const int producers = 16, itemsEach = 40, weightPerWrite = 25;
        var random = new Random(seed);
        var weights = Enumerable.Range(0, producers).Select(_ => Enumerable.Range(0, itemsEach).Select(_ => random.Next(1, 12)).ToArray()).ToArray();
        // Which writes fail is fixed by the seed, by the order in which writes start.
        var failing = Enumerable.Range(0, producers * itemsEach).Select(_ => random.Next(5) == 0).ToArray();
        var log = new WriteLog(failing);
        var queue = new GroupCommitQueue<(int Producer, int Index, int Weight)>("t", log.WriteAsync, concurrentWrites,
            item => item.Weight, weightPerWrite);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            var succeeded = new bool[itemsEach];
            for (var i = 0; i < itemsEach; i++)
            {
                try
                {
                    await queue.EnqueueAsync((p, i, weights[p][i])).WaitAsync(Patience);
                    succeeded[i] = true;
                }
                catch (TimeoutException)
                {
                    succeeded[i] = false;
                }
            }
            return succeeded;
        })));

        var batches = log.Batches;
        Assert.Equal(producers * itemsEach, batches.Sum(batch => batch.Items.Count));
        Assert.True(log.MostAtOnce <= concurrentWrites, $"{log.MostAtOnce} writes at once");
        var seen = new HashSet<(int, int)>();
        foreach (var batch in batches)
        {
            Assert.True(batch.Items.Count == 1 || batch.Items.Sum(item => item.Weight) <= weightPerWrite);
            foreach (var item in batch.Items)
            {
                Assert.True(seen.Add((item.Producer, item.Index)), $"item {item} written twice");
                Assert.Equal(batch.Succeeded, outcomes[item.Producer][item.Index]);
            }
        }
        Assert.Contains(batches, batch => !batch.Succeeded);
    }

    /// <summary>Writes that each wait for the test to release or fail them.</summary>
    private sealed class HeldWrites<T>
    {
        private readonly Lock _gate = new();
        private readonly Queue<HeldWrite> _arrived = new();
        private readonly Queue<TaskCompletionSource<HeldWrite>> _waiters = new();
        private readonly List<T[]> _written = [];
        private int _underWay;

        public int MostAtOnce { get; private set; }

        public bool HasWaiting
        {
            get
            {
                lock (_gate)
                {
                    return _arrived.Count > 0;
                }
            }
        }

        public List<T[]> Written
        {
            get
            {
                lock (_gate)
                {
                    return [.. _written];
                }
            }
        }

        public async Task WriteAsync(IReadOnlyList<T> items)
        {
            var write = new HeldWrite([.. items]);
            lock (_gate)
            {
                MostAtOnce = Math.Max(MostAtOnce, ++_underWay);
                if (_waiters.TryDequeue(out var waiter))
                {
                    waiter.SetResult(write);
                }
                else
                {
                    _arrived.Enqueue(write);
                }
            }
            try
            {
                await write.Outcome.Task;
                lock (_gate)
                {
                    _written.Add(write.Items);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _underWay--;
                }
            }
        }

        public Task<HeldWrite> NextAsync()
        {
            lock (_gate)
            {
                if (_arrived.TryDequeue(out var write))
                {
                    return Task.FromResult(write);
                }
                var waiter = new TaskCompletionSource<HeldWrite>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Enqueue(waiter);
                return waiter.Task.WaitAsync(Patience);
            }
        }

        public sealed class HeldWrite(T[] items)
        {
            public T[] Items { get; } = items;

            public TaskCompletionSource Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public void Release() => Outcome.SetResult();

            public void Fail(Exception error) => Outcome.SetException(error);
        }
    }

    /// <summary>
    /// Writes all or nothing that refuse any batch holding a refused item (by name, or any starting "bad"), like a
    /// database refusing one row of a statement; the first write waits for <see cref="Release"/>.
    /// </summary>
    private sealed class RefusingWrites(string? refused)
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _durable = [];
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public List<string> Durable
        {
            get
            {
                lock (_gate)
                {
                    return [.. _durable];
                }
            }
        }

        public void Release() => _released.SetResult();

        public async Task WriteAsync(IReadOnlyList<string> items)
        {
            Interlocked.Increment(ref _attempts);
            await _released.Task.WaitAsync(Patience);
            await Task.Yield();
            if (items.FirstOrDefault(item => item == refused || item.StartsWith("bad", StringComparison.Ordinal)) is { } bad)
            {
                throw new ArgumentException($"{bad} is refused");
            }
            lock (_gate)
            {
                _durable.AddRange(items);
            }
        }
    }

    /// <summary>Records every write; the n-th write to start fails when the seeded plan says so.</summary>
    private sealed class WriteLog(bool[] failing)
    {
        private readonly Lock _gate = new();
        private readonly List<(IReadOnlyList<(int Producer, int Index, int Weight)> Items, bool Succeeded)> _batches = [];
        private int _started;
        private int _underWay;

        public int MostAtOnce { get; private set; }

        public List<(IReadOnlyList<(int Producer, int Index, int Weight)> Items, bool Succeeded)> Batches
        {
            get
            {
                lock (_gate)
                {
                    return [.. _batches];
                }
            }
        }

        public async Task WriteAsync(IReadOnlyList<(int Producer, int Index, int Weight)> items)
        {
            bool fails;
            lock (_gate)
            {
                fails = failing[_started++ % failing.Length];
                MostAtOnce = Math.Max(MostAtOnce, ++_underWay);
            }
            await Task.Yield();
            lock (_gate)
            {
                _underWay--;
                _batches.Add(([.. items], !fails));
            }
            if (fails)
            {
                throw new TimeoutException("seeded failure");
            }
        }
    }
}
