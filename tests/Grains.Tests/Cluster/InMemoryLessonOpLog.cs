using Collab.Grains.LessonPreps;

namespace Collab.Grains.Tests.Cluster;

/// <summary>The op log of the test cluster; it can forget rows, to prove a plan comes back from its snapshot.</summary>
public sealed class InMemoryLessonOpLog : ILessonOpLog
{
    private readonly List<LessonOpRow> _rows = [];

    public Task AppendAsync(LessonOpRow row)
    {
        lock (_rows)
        {
            if (_rows.Exists(r => r.PlanId == row.PlanId && r.Seq == row.Seq))
            {
                throw new InvalidOperationException($"duplicate key ({row.PlanId}, {row.Seq})");
            }
            _rows.Add(row);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LessonOpRow>> ReadAfterRevisionAsync(string planId, long afterRevision)
    {
        lock (_rows)
        {
            IReadOnlyList<LessonOpRow> rows = _rows.Where(r => r.PlanId == planId && r.Revision > afterRevision).OrderBy(r => r.Revision).ToList();
            return Task.FromResult(rows);
        }
    }

    public int Count(string planId)
    {
        lock (_rows)
        {
            return _rows.Count(r => r.PlanId == planId);
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
}
