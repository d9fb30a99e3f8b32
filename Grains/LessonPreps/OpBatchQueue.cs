using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Live;
using Collab.Ot;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// The group commit of one plan's ops: ops submitted while a write is under way (or about to start) wait here and go
/// out together in the next write, in arrival order, at most <c>opsPerWrite</c> a write. Each submitter holds only its
/// own op's outcome, settled once its write is durable; a resend of an op still queued or being written gets that same
/// outcome. One write at a time: <see cref="Submit"/> says when one must be started, <see cref="EndWrite"/> when the
/// next must follow. Pure: the grain runs the writes.
/// </summary>
public sealed class OpBatchQueue(int opsPerWrite)
{
    private readonly int _opsPerWrite = Math.Max(1, opsPerWrite);

    private readonly List<SubmittedOp> _queued = [];

    /// <summary>The outcome of each op queued or being written, so a resend waits for its first copy instead of applying twice.</summary>
    private readonly Dictionary<CommandKey, Task<OpAccepted>> _unacknowledged = [];

    /// <summary>Whether a write is started and not ended: ops queued meanwhile wait for it.</summary>
    public bool Writing { get; private set; }

    public int Queued => _queued.Count;

    /// <summary>
    /// The outcome of a submitted op: that of its first copy when that is queued or being written; its recorded result
    /// (<paramref name="recorded"/>, by the command log) when it is durable; else that of the write that will carry
    /// it, the op queued. <paramref name="startWrite"/> is true when the op was queued and no write is under way: the
    /// caller must then start one. A malformed op is refused at once, queued for nothing.
    /// </summary>
    public Task<OpAccepted> Submit(CommandKey key, Func<CommandKey, string?> recorded, string section, long baseRevision, Func<SectionChange> parse, out bool startWrite)
    {
        startWrite = false;
        // The command log records a queued op as its write applies it, before it is durable: the pending outcome comes first.
        if (_unacknowledged.TryGetValue(key, out var pending))
        {
            LessonPrepMetrics.Waited();
            return pending;
        }
        if (recorded(key) is { } resultJson)
        {
            return Task.FromResult(LiveJson.Deserialize<OpAccepted>(resultJson));
        }
        var op = new SubmittedOp(key, section, baseRevision, parse());
        _unacknowledged[key] = op.Outcome.Task;
        _queued.Add(op);
        startWrite = !Writing;
        if (Writing)
        {
            LessonPrepMetrics.Waited();
        }
        Writing = true;
        return op.Outcome.Task;
    }

    /// <summary>The next batch, taken only when its write may start, so that everything that arrived meanwhile joins it.</summary>
    public OpBatch TakeBatch()
    {
        var batch = _queued.GetRange(0, Math.Min(_opsPerWrite, _queued.Count));
        _queued.RemoveRange(0, batch.Count);
        return new OpBatch(batch);
    }

    /// <summary>Answers each op of a written batch, accepted or refused; from now on a resend is answered from the command log.</summary>
    public void Settle(OpBatch batch)
    {
        foreach (var op in batch.Ops)
        {
            _unacknowledged.Remove(op.Key);
            if (batch.Refusal(op) is { } refusal)
            {
                op.Outcome.SetException(refusal);
            }
            else
            {
                op.Outcome.SetResult(batch.Accepted(op));
            }
        }
    }

    /// <summary>
    /// Fails a batch whose write failed, and every queued op with it: the plan that would write them is lost (its
    /// activation is discarded). An op the batch refused keeps its own refusal. A resend is applied afresh.
    /// </summary>
    public void Fail(OpBatch batch, Exception failure)
    {
        var failed = batch.Ops.Concat(_queued).ToList();
        _queued.Clear();
        foreach (var op in failed)
        {
            _unacknowledged.Remove(op.Key);
            op.Outcome.SetException(batch.Refusal(op) ?? failure);
        }
        Writing = false;
    }

    /// <summary>Fails every queued op (an activation that ends with ops no write will carry); a resend goes to the next one.</summary>
    public void FailQueued(Exception failure) => Fail(new OpBatch([]), failure);

    /// <summary>Ends a write: true when ops are still queued, and the caller must then start the next one.</summary>
    public bool EndWrite()
    {
        Writing = _queued.Count > 0;
        return Writing;
    }
}

/// <summary>The ops of one write, each accepted or refused alone as the write applies them in arrival order.</summary>
public sealed class OpBatch(IReadOnlyList<SubmittedOp> ops)
{
    private readonly Dictionary<SubmittedOp, OpAccepted> _accepted = [];
    private readonly Dictionary<SubmittedOp, CollabException> _refused = [];

    public IReadOnlyList<SubmittedOp> Ops => ops;

    /// <summary>Runs <paramref name="accept"/> on each op; a refusal it throws refuses that op alone and the rest go on.</summary>
    public void Apply(Func<SubmittedOp, OpAccepted> accept, Action<CollabException> refused)
    {
        foreach (var op in ops)
        {
            try
            {
                _accepted[op] = accept(op);
            }
            catch (CollabException refusal)
            {
                refused(refusal);
                _refused[op] = refusal;
            }
        }
    }

    public OpAccepted Accepted(SubmittedOp op) => _accepted[op];

    public CollabException? Refusal(SubmittedOp op) => _refused.GetValueOrDefault(op);
}

/// <summary>An op waiting for its write; compared by reference, so two resends never share an entry by accident.</summary>
public sealed class SubmittedOp(CommandKey key, string section, long baseRevision, SectionChange change)
{
    public CommandKey Key { get; } = key;
    public string Section { get; } = section;
    public long BaseRevision { get; } = baseRevision;
    public SectionChange Change { get; } = change;

    /// <summary>Settled without running the submitter's continuation inline, in the middle of the write that settles it.</summary>
    public TaskCompletionSource<OpAccepted> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
