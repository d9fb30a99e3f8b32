using System.Collections.Concurrent;

namespace Collab.Bench.Baseline;

/// <summary>Per-group event counters: the only state B0 keeps, so that events carry a real per-stream <c>seq</c>.</summary>
public sealed class GroupCounters
{
    private readonly ConcurrentDictionary<string, Counter> _groups = new();
    private long _lastGroup;

    public string Create()
    {
        var id = $"g-{Interlocked.Increment(ref _lastGroup)}";
        _groups[id] = new Counter();
        return id;
    }

    public long Current(string groupId)
    {
        var counter = Get(groupId);
        lock (counter)
        {
            return counter.Seq;
        }
    }

    /// <summary>The next event seq of the group (messages are numbered by the same counter, as Collab's m1, m2, …).</summary>
    public long Next(string groupId)
    {
        var counter = Get(groupId);
        lock (counter)
        {
            return ++counter.Seq;
        }
    }

    // Unknown groups get a counter too: B0 checks nothing, it only has to number events.
    private Counter Get(string groupId) => _groups.GetOrAdd(groupId, _ => new Counter());

    private sealed class Counter
    {
        public long Seq;
    }
}
