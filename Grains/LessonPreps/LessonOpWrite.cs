using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// The op-log rows of one op write, gathered as the write accepts its ops and paired, once the engine has stamped
/// them, with the one <c>op.applied</c> event each op emitted.
/// </summary>
public sealed class LessonOpWrite(string planId)
{
    private readonly List<PendingRow> _rows = [];

    public int Count => _rows.Count;

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
