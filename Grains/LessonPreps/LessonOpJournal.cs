using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Collab.Ot;
using Microsoft.Extensions.Logging;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// A plan's op log as its grain uses it, the lesson-plan counterpart of <see cref="EventJournal"/>: the rows put back
/// at activation, the rows of each op write appended, and when a snapshot is due, the rows behind it and the transform
/// window pruned.
/// </summary>
public sealed class LessonOpJournal(ILessonOpLog opLog, string planId, LessonPrepOptions options, ILogger logger)
{
    private int _opsSinceSnapshot;

    /// <summary>Whether <see cref="LessonPrepOptions.SnapshotEveryOps"/> ops were appended since the last snapshot.</summary>
    public bool SnapshotDue => _opsSinceSnapshot >= options.SnapshotEveryOps;

    /// <summary>
    /// Puts the rows after the snapshot back into the plan (ops, their events, their command results) and refills the
    /// document's transform window from the rows before it, which the snapshot already contains.
    /// </summary>
    public async Task RestoreAsync(LessonPrepState plan, LessonPlanDocument document, string stream, int retain, CommandLogLimits limits)
    {
        var rows = await opLog.ReadAfterRevisionAsync(planId, Math.Max(0, plan.Revision - options.RecentOps));
        plan.Log.Restore(rows.Where(row => row.Seq <= plan.Log.Seq).Select(row => new EventEnvelope(stream, row.Seq, OpAppliedEvent.Type, row.At, row.EventJson)), retain);
        foreach (var row in rows)
        {
            var operation = document.ParseStored(row.Section, row.Revision, row.OpsJson);
            if (row.Seq > plan.Log.Seq)
            {
                document.Replay(row.Section, row.Revision, operation);
                var envelope = plan.Log.Append(stream, OpAppliedEvent.Type, row.At, row.EventJson, null, retain);
                if (envelope.Seq != row.Seq)
                {
                    throw new InvalidOperationException($"op log of {planId} skips from seq {envelope.Seq - 1} to {row.Seq}");
                }
                plan.Commands.Record(new CommandKey(row.UserId, row.ClientId, row.ClientSeq), row.ResultJson, row.At, limits);
                _opsSinceSnapshot++;
            }
            document.Remember(row.Revision, row.Section, operation);
        }
    }

    /// <summary>Appends an op write's rows in one write (the node's group commit); durable when it returns.</summary>
    public async Task AppendAsync(LessonOpWrite write, IReadOnlyList<EventEnvelope> events)
    {
        if (write.Count == 0)
        {
            return;
        }
        var rows = write.Rows(events);
        await opLog.AppendAsync(rows);
        LessonPrepMetrics.Written(rows.Count);
        _opsSinceSnapshot += rows.Count;
    }

    /// <summary>
    /// Every <see cref="LessonPrepOptions.SnapshotEveryOps"/> ops, writes the plan whole (<paramref name="writeSnapshot"/>)
    /// and prunes the rows behind it. False when the snapshot failed: that loses nothing, since the rows after the last
    /// good one are replayed, but the caller's activation must go so that the next one starts from the database.
    /// </summary>
    public async Task<bool> SnapshotWhenDueAsync(Func<Task> writeSnapshot, long revision)
    {
        if (!SnapshotDue)
        {
            return true;
        }
        try
        {
            await writeSnapshot();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Snapshotting lesson plan {Plan} at revision {Revision} failed; its ops stay in the op log", planId, revision);
            return false;
        }
        await PruneAsync(revision);
        return true;
    }

    /// <summary>The plan was written whole: the rows so far are in it.</summary>
    public void Snapshotted() => _opsSinceSnapshot = 0;

    /// <summary>
    /// Deletes rows behind the snapshot just written and the transform window, a bounded number: activation reads rows
    /// from the snapshot's revision minus the window on, so older ones are never read again. Rows left behind by a
    /// failure cost only space; the next snapshot tries again.
    /// </summary>
    private async Task PruneAsync(long revision)
    {
        var through = revision - options.RecentOps;
        if (through <= 0)
        {
            return;
        }
        try
        {
            await opLog.PruneAsync(planId, through, options.PruneRowsPerSnapshot);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Pruning the op log of {Plan} through revision {Revision} failed", planId, through);
        }
    }
}
