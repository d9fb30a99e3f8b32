using Collab.Grains.Live;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// The event log of the test cluster. It can forget rows, to prove a stream comes back from its snapshot, and fail its
/// appends, to prove a post that was not written is neither acknowledged nor kept.
/// </summary>
public sealed class InMemoryLiveEventLog : ILiveEventLog
{
    private readonly List<LiveEventRow> _rows = [];
    private bool _failing;

    public Task AppendAsync(IReadOnlyList<LiveEventRow> rows)
    {
        lock (_rows)
        {
            if (_failing)
            {
                throw new InvalidOperationException("the event log is failing");
            }
            foreach (var row in rows)
            {
                if (_rows.Exists(r => r.Stream == row.Stream && r.Seq == row.Seq))
                {
                    throw new InvalidOperationException($"duplicate key ({row.Stream}, {row.Seq})");
                }
            }
            _rows.AddRange(rows);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LiveEventRow>> ReadAfterAsync(string stream, long afterSeq)
    {
        lock (_rows)
        {
            IReadOnlyList<LiveEventRow> rows = _rows.Where(r => r.Stream == stream && r.Seq > afterSeq).OrderBy(r => r.Seq).ToList();
            return Task.FromResult(rows);
        }
    }

    public Task<int> PruneAsync(string stream, long throughSeq, int maxRows)
    {
        lock (_rows)
        {
            var doomed = _rows.Where(r => r.Stream == stream && r.Seq <= throughSeq).OrderBy(r => r.Seq).Take(maxRows).ToHashSet();
            return Task.FromResult(_rows.RemoveAll(doomed.Contains));
        }
    }

    public IReadOnlyList<long> Seqs(string stream)
    {
        lock (_rows)
        {
            return _rows.Where(r => r.Stream == stream).Select(r => r.Seq).Order().ToList();
        }
    }

    /// <summary>Drops a stream's rows up to a seq, as if only its snapshot had them.</summary>
    public void Forget(string stream, long uptoSeq)
    {
        lock (_rows)
        {
            _rows.RemoveAll(r => r.Stream == stream && r.Seq <= uptoSeq);
        }
    }

    /// <summary>Makes every append fail until turned off again.</summary>
    public void Fail(bool failing)
    {
        lock (_rows)
        {
            _failing = failing;
        }
    }
}
