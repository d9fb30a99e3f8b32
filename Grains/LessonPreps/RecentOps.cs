namespace Collab.Grains.LessonPreps;

/// <summary>
/// The latest applied ops of a plan, oldest first, with contiguous revisions, at most <c>capacity</c> of them: the
/// window a late op is transformed against. A ring, so that finding the ops after a revision is an index, not a scan
/// of the whole window for every op.
/// </summary>
public sealed class RecentOps(int capacity)
{
    private readonly Applied[] _ring = new Applied[Math.Max(0, capacity)];
    private int _start;
    private int _count;

    public int Count => _count;

    /// <summary>The revision of the oldest op retained; null when none is.</summary>
    public long? OldestRevision => _count == 0 ? null : _ring[_start].Revision;

    /// <summary>
    /// Appends the op of the next revision, dropping the oldest when full. An op that does not follow the latest (rows
    /// missing from the op log) starts the window afresh: what lay before the gap cannot be transformed through.
    /// </summary>
    public void Add(long revision, string section, SectionChange operation)
    {
        if (_ring.Length == 0)
        {
            return;
        }
        if (_count > 0 && revision != _ring[(_start + _count - 1) % _ring.Length].Revision + 1)
        {
            _start = 0;
            _count = 0;
        }
        var applied = new Applied(revision, section, operation);
        if (_count == _ring.Length)
        {
            _ring[_start] = applied;
            _start = (_start + 1) % _ring.Length;
            return;
        }
        _ring[(_start + _count) % _ring.Length] = applied;
        _count++;
    }

    /// <summary>The retained ops of <paramref name="section"/> applied after <paramref name="revision"/>, oldest first.</summary>
    public IEnumerable<SectionChange> After(long revision, string section)
    {
        if (_count == 0)
        {
            yield break;
        }
        for (var i = (int)Math.Clamp(revision + 1 - _ring[_start].Revision, 0, _count); i < _count; i++)
        {
            var applied = _ring[(_start + i) % _ring.Length];
            if (applied.Section == section)
            {
                yield return applied.Operation;
            }
        }
    }

    private readonly record struct Applied(long Revision, string Section, SectionChange Operation);
}
