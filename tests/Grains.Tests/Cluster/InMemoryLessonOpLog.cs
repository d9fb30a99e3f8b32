using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// The op log of the test cluster. It can forget rows, to prove a plan comes back from its snapshot, and it can hold a
/// plan's next writes until a test releases or fails them, to watch ops queue behind a write under way.
/// </summary>
public sealed class InMemoryLessonOpLog : ILessonOpLog
{
    private readonly List<LessonOpRow> _rows = [];
    private readonly Dictionary<string, Queue<HeldWrite<LessonOpRow>>> _holds = [];
    private readonly Dictionary<string, List<int>> _writes = [];

    public async Task AppendAsync(IReadOnlyList<LessonOpRow> rows)
    {
        var plan = rows[0].PlanId;
        HeldWrite<LessonOpRow>? hold = null;
        lock (_rows)
        {
            if (_holds.TryGetValue(plan, out var holds) && holds.Count > 0)
            {
                hold = holds.Dequeue();
            }
        }
        if (hold is not null)
        {
            hold.Arrive(rows);
            await hold.Released;
        }
        lock (_rows)
        {
            foreach (var row in rows)
            {
                if (_rows.Exists(r => r.PlanId == row.PlanId && (r.Seq == row.Seq || r.Revision == row.Revision)))
                {
                    throw new InvalidOperationException($"duplicate key ({row.PlanId}, {row.Seq})");
                }
            }
            _rows.AddRange(rows);
            if (!_writes.TryGetValue(plan, out var sizes))
            {
                _writes[plan] = sizes = [];
            }
            sizes.Add(rows.Count);
        }
    }

    public Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision)
    {
        lock (_rows)
        {
            IReadOnlyList<LessonOpRow> rows = _rows.Where(r => r.PlanId == planId && r.Revision > afterRevision).OrderBy(r => r.Revision).ToList();
            return Task.FromResult(rows);
        }
    }

    public Task<int> PruneAsync(string planId, long throughRevision, int maxRows)
    {
        lock (_rows)
        {
            var doomed = _rows.Where(r => r.PlanId == planId && r.Revision <= throughRevision).OrderBy(r => r.Revision).Take(maxRows).ToHashSet();
            return Task.FromResult(_rows.RemoveAll(doomed.Contains));
        }
    }

    public int Count(string planId)
    {
        lock (_rows)
        {
            return _rows.Count(r => r.PlanId == planId);
        }
    }

    /// <summary>The lowest revision of a plan still in the log, or null when it has none.</summary>
    public long? OldestRevision(string planId)
    {
        lock (_rows)
        {
            return _rows.Where(r => r.PlanId == planId).Select(r => (long?)r.Revision).Min();
        }
    }

    /// <summary>How many rows each committed write of a plan carried, in order.</summary>
    public IReadOnlyList<int> WriteSizes(string planId)
    {
        lock (_rows)
        {
            return _writes.TryGetValue(planId, out var sizes) ? sizes.ToList() : [];
        }
    }

    /// <summary>Drops a plan's rows up to a revision, as if only its snapshot had them.</summary>
    public void Forget(string planId, long uptoRevision)
    {
        lock (_rows)
        {
            _rows.RemoveAll(r => r.PlanId == planId && r.Revision <= uptoRevision);
        }
    }

    /// <summary>Holds the plan's next write not yet held: it arrives, then waits for the test to release or fail it.</summary>
    public HeldWrite<LessonOpRow> HoldNextWrite(string planId)
    {
        var hold = new HeldWrite<LessonOpRow>();
        lock (_rows)
        {
            if (!_holds.TryGetValue(planId, out var holds))
            {
                _holds[planId] = holds = new Queue<HeldWrite<LessonOpRow>>();
            }
            holds.Enqueue(hold);
        }
        return hold;
    }
}
