using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// One op write: its ops taken by the document and recorded under their commands as the write accepts them, and their
/// op-log rows, paired once the engine has stamped them with the one <c>op.applied</c> event each op emitted.
/// </summary>
public sealed class LessonOpWrite(string planId, LessonPlanDocument document, LessonPrepState plan, CommandLogLimits limits)
{
    private readonly List<PendingRow> _rows = [];

    public int Count => _rows.Count;

    /// <summary>
    /// Has the document transform and apply an op, records its result under its command and keeps its row; returns
    /// the event the write emits for it. A refused op (stale, not spanning the text) changes nothing.
    /// </summary>
    public (OpAppliedEvent Event, OpAccepted Accepted) Accept(CommandKey key, string section, long baseRevision, SectionChange change, DateTimeOffset at)
    {
        var applied = document.Receive(section, baseRevision, change);
        var accepted = new OpAccepted(applied.Revision);
        var resultJson = LiveJson.Serialize(accepted);
        plan.Commands.Record(key, resultJson, at, limits);
        Add(applied.Revision, applied.Section, applied.Change.ToJson(), key, resultJson);
        return (applied.Change.Applied(applied.Revision, applied.Section, key), accepted);
    }

    public void Add(long revision, string section, string opsJson, CommandKey command, string resultJson) =>
        _rows.Add(new PendingRow(revision, section, opsJson, command, resultJson));

    /// <summary>The rows to append, given the write's events: exactly one <c>op.applied</c> per op, in order.</summary>
    public IReadOnlyList<LessonOpRow> Rows(IReadOnlyList<EventEnvelope> events)
    {
        if (events.Count != _rows.Count)
        {
            throw new InvalidOperationException($"an op write of {planId} has {_rows.Count} ops but {events.Count} events");
        }
        return _rows.Select((op, i) => new LessonOpRow(planId, events[i].Seq, op.Revision, op.Section, op.OpsJson, op.Command.UserId,
            op.Command.ClientId, op.Command.ClientSeq, op.ResultJson, events[i].DataJson, events[i].At)).ToList();
    }

    private sealed record PendingRow(long Revision, string Section, string OpsJson, CommandKey Command, string ResultJson);
}
