using System.Collections.Concurrent;
using Collab.Grains.LessonPreps;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;
using Orleans.Runtime;
using Orleans.Storage;

namespace Collab.Silo.Tests.Storage;

/// <summary>
/// On SQLite the node's writers take turns (the project's tables and Orleans' grain state alike) instead of meeting at
/// the file lock; reads do not wait, and on PostgreSQL nothing does.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SqliteWriteTurnsTests(PostgresServer postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task On_sqlite_an_op_log_append_waits_for_the_write_under_way_and_then_lands()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("sqlite", postgres);
        var log = new LessonOpLog(empty.Database);
        var order = new ConcurrentQueue<string>();
        var (held, release) = await HeldWriteTurn.TakeAsync(empty.Database);

        var appended = log.AppendAsync([new LessonOpRow("lp-a", 1, 1, "objectives", "[\"x\"]", "t-1", "tab", 1, "{}", "{}", DateTimeOffset.UnixEpoch)])
            .ContinueWith(write => order.Enqueue(write.IsCompletedSuccessfully ? "appended" : "failed"), TaskScheduler.Default);
        order.Enqueue("released");
        release.SetResult();
        await Task.WhenAll(held, appended).WaitAsync(Patience);

        Assert.Equal(["released", "appended"], order);
        Assert.Single(await log.ReadAfterRevisionAsync("lp-a", 0));
    }

    [Fact]
    public async Task On_sqlite_grain_state_writes_and_clears_take_their_turn_but_reads_do_not()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("sqlite", postgres);
        var inner = new RecordingStorage();
        var storage = new TurnTakingGrainStorage(inner, empty.Database);
        var grain = GrainId.Create("probe", "p-1");
        var (held, release) = await HeldWriteTurn.TakeAsync(empty.Database);

        await storage.ReadStateAsync("probe", grain, new GrainState<int>()).WaitAsync(Patience);
        var write = storage.WriteStateAsync("probe", grain, new GrainState<int>());
        var clear = storage.ClearStateAsync("probe", grain, new GrainState<int>());
        inner.Calls.Enqueue("released");
        release.SetResult();
        await Task.WhenAll(held, write, clear).WaitAsync(Patience);

        Assert.Equal(["read", "released", "write", "clear"], inner.Calls);
    }

    [Fact]
    public async Task On_postgres_writes_do_not_wait_for_each_other()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("postgres", postgres);
        var (held, release) = await HeldWriteTurn.TakeAsync(empty.Database);

        var ran = false;
        await empty.Database.TakingTurnsAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        }).WaitAsync(Patience);
        release.SetResult();
        await held.WaitAsync(Patience);

        Assert.True(ran);
    }

    private sealed class RecordingStorage : IGrainStorage
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record("read");

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record("write");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Record("clear");

        private Task Record(string call)
        {
            Calls.Enqueue(call);
            return Task.CompletedTask;
        }
    }
}
