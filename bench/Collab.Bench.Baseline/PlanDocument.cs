using Collab.Ot;

namespace Collab.Bench.Baseline;

/// <summary>
/// One plan's state in B1/B2: section texts, the revision, the recent applied ops (the transform window, as long as
/// Collab's), the retained events (for <c>Sync</c>) and each client's last acknowledged op. Guarded by <see cref="Gate"/>,
/// which is held from the transform to the broadcast so events leave in seq order.
/// </summary>
public sealed class PlanDocument
{
    public const int RecentOps = 1000;
    public const int RetainedEvents = 1000;

    private readonly Queue<(long Revision, string Section, TextOperation Operation)> _recent = new();
    private readonly Queue<EventEnvelope> _events = new();
    private readonly Dictionary<string, (long ClientSeq, long Revision)> _acknowledged = [];

    public PlanDocument(string id, IEnumerable<string> sections)
    {
        Id = id;
        foreach (var section in sections)
        {
            Sections[section] = "";
        }
    }

    public string Id { get; }
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public Dictionary<string, string> Sections { get; } = [];
    public long Revision { get; private set; }
    public long Seq { get; private set; }

    /// <summary>The revision this client's op <paramref name="clientSeq"/> got, if it was applied already (a resend).</summary>
    public long? Acknowledged(string clientId, long clientSeq) =>
        _acknowledged.TryGetValue(clientId, out var last) && last.ClientSeq >= clientSeq ? last.Revision : null;

    /// <summary>Transforms the op through the ops of its section applied after its base revision, as Collab's grain does, and applies it.</summary>
    public TextOperation Apply(string section, long baseRevision, TextOperation operation)
    {
        if (!Sections.TryGetValue(section, out var text))
        {
            throw new ArgumentException($"unknown section {section}");
        }
        if (baseRevision < 0 || baseRevision > Revision || (baseRevision < Revision && (_recent.Count == 0 || _recent.Peek().Revision > baseRevision + 1)))
        {
            throw new ArgumentException($"baseRevision {baseRevision} is outside the retained window");
        }
        var rebased = TextOperation.TransformAgainst(operation,
            _recent.Where(a => a.Revision > baseRevision && a.Section == section).Select(a => a.Operation));
        Sections[section] = rebased.Apply(text);
        Revision++;
        _recent.Enqueue((Revision, section, rebased));
        while (_recent.Count > RecentOps)
        {
            _recent.Dequeue();
        }
        return rebased;
    }

    /// <summary>Numbers and retains the event of the op just applied.</summary>
    public EventEnvelope Record(string type, string at, object data, string clientId, long clientSeq)
    {
        Seq++;
        _acknowledged[clientId] = (clientSeq, Revision);
        var envelope = new EventEnvelope($"lessonprep/{Id}", Seq, type, at, data);
        _events.Enqueue(envelope);
        while (_events.Count > RetainedEvents)
        {
            _events.Dequeue();
        }
        return envelope;
    }

    /// <summary>The retained events after <paramref name="sinceSeq"/>, or null when some of them are gone.</summary>
    public List<EventEnvelope>? EventsAfter(long sinceSeq)
    {
        if (sinceSeq < Seq - _events.Count)
        {
            return null;
        }
        return _events.Where(e => e.Seq > sinceSeq).ToList();
    }
}
