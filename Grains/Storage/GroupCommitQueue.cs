using System.Data.Common;
using System.Diagnostics.Metrics;
using Collab.Grains.Live;

namespace Collab.Grains.Storage;

/// <summary>
/// A node's group commit to one table: items from every grain that arrive while the writes under way (at most
/// <c>concurrentWrites</c>) are busy wait together and go out in the next write, and each item completes only once the
/// write that carried it is durable; a failed write fails every item in it and no other. Without it, hundreds of
/// grains that each write their own small batch cost one commit (and, on SQLite, one fsync of the single writer) per
/// grain; with it, one commit carries them all. The writes run on the thread pool, never on an Orleans scheduler
/// thread, so a provider's synchronous calls (SQLite's, and its wait for the file lock) hold up no grain.
/// A write that fails for one grain's rows fails the other grains' items in it too: each of them answers
/// <c>unavailable</c>, its clients resend (commands are idempotent), and nothing acknowledged is lost.
/// </summary>
/// <param name="table">names the table in the metrics</param>
/// <param name="write">makes a batch durable in one transaction, all of it or nothing</param>
/// <param name="concurrentWrites">writes allowed under way at once: 1 for SQLite, a few for PostgreSQL, whose own
/// group commit flushes concurrent transactions together</param>
/// <param name="weightOf">what an item costs in a write (rows, for a statement's parameter limit)</param>
/// <param name="weightPerWrite">a write takes items while their weights fit; an item heavier than this goes alone</param>
/// <param name="waited">told of each item that arrived while every write was busy (a caller's own metric)</param>
public sealed class GroupCommitQueue<TItem>(
    string table,
    Func<IReadOnlyList<TItem>, Task> write,
    int concurrentWrites,
    Func<TItem, int> weightOf,
    int weightPerWrite,
    Action? waited = null)
{
    private static readonly Meter Meter = new(LiveMetrics.MeterName);

    private static readonly Histogram<int> ItemsPerWrite = Meter.CreateHistogram<int>("collab.storage.group_commit.items", "{item}",
        "items (one grain's batch each) carried by one group-commit write, by table");

    private readonly int _concurrentWrites = Math.Max(1, concurrentWrites);
    private readonly int _weightPerWrite = Math.Max(1, weightPerWrite);
    private readonly Lock _gate = new();
    private readonly List<Queued> _queued = [];
    private int _writing;

    /// <summary>Completes when the item is durable; faults with the write's error when its write failed.</summary>
    public Task EnqueueAsync(TItem item)
    {
        var queued = new Queued(item);
        bool start;
        lock (_gate)
        {
            _queued.Add(queued);
            start = _writing < _concurrentWrites;
            if (start)
            {
                _writing++;
            }
        }
        if (start)
        {
            _ = Task.Run(WriteQueuedAsync);
        }
        else
        {
            waited?.Invoke();
        }
        return queued.Durable.Task;
    }

    /// <summary>One writer: writes batches until the queue is empty; never throws (each item gets its own outcome).</summary>
    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Queued> batch;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _writing--;
                    return;
                }
                // Taken only now that the write may start: everything that arrived meanwhile joins this batch.
                batch = TakeBatch();
            }
            await WriteAsync(batch);
        }
    }

    /// <summary>Writes the batch, or its halves when it was refused for what it carries; completes every item.</summary>
    private async Task WriteAsync(List<Queued> batch)
    {
        try
        {
            await write(batch.ConvertAll(queued => queued.Item));
            ItemsPerWrite.Record(batch.Count, new KeyValuePair<string, object?>("table", table));
            foreach (var queued in batch)
            {
                queued.Durable.SetResult();
            }
        }
        catch (Exception exception) when (batch.Count > 1 && !IsTransient(exception))
        {
            // A write is all or nothing, so none of these items is durable yet and each half may go again.
            var half = batch.Count / 2;
            await WriteAsync(batch.GetRange(0, half));
            await WriteAsync(batch.GetRange(half, batch.Count - half));
        }
        catch (Exception exception)
        {
            foreach (var queued in batch)
            {
                queued.Durable.SetException(exception);
            }
        }
    }

    private static bool IsTransient(Exception exception) => exception is TimeoutException or DbException { IsTransient: true };

    /// <summary>The oldest items whose weights fit one write, in arrival order; at least one.</summary>
    private List<Queued> TakeBatch()
    {
        var count = 0;
        var weight = 0;
        while (count < _queued.Count)
        {
            var next = weightOf(_queued[count].Item);
            if (count > 0 && weight + next > _weightPerWrite)
            {
                break;
            }
            weight += next;
            count++;
        }
        var batch = _queued.GetRange(0, count);
        _queued.RemoveRange(0, count);
        return batch;
    }

    private sealed class Queued(TItem item)
    {
        public TItem Item { get; } = item;

        /// <summary>Continues its awaiter on its own scheduler, not inline on the writer's loop.</summary>
        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
