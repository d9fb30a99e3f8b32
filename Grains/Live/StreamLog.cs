using Collab.Grains.Interfaces.Live;

namespace Collab.Grains.Live;

/// <summary>
/// The durable part of a stream: its last seq and a bounded window of its latest events, persisted with the
/// grain so that <c>Sync</c> works after a reactivation. Older events are dropped; a client that needs them gets a snapshot.
/// </summary>
[GenerateSerializer, Alias("collab.StreamLog")]
public sealed class StreamLog
{
    [Id(0)]
    public long Seq { get; set; }

    [Id(1)]
    public List<EventEnvelope> Events { get; set; } = [];

    /// <summary>The seq of the latest event for everyone, for a stream that chains them (see <see cref="EventEnvelope.PreviousForEveryone"/>).</summary>
    [Id(60)]
    public long LastForEveryone { get; set; }

    public EventEnvelope Append(string stream, string type, DateTimeOffset at, string dataJson, string? audience, int retain,
        string[]? audiences = null, string? audienceGroup = null, string[]? revokes = null, bool chainEveryone = false)
    {
        var envelope = new EventEnvelope(stream, Seq + 1, type, at, dataJson, audience, audiences, audienceGroup, revokes);
        if (chainEveryone && envelope.IsForEveryone)
        {
            envelope = envelope with { PreviousForEveryone = LastForEveryone };
            LastForEveryone = envelope.Seq;
        }
        Seq = envelope.Seq;
        Events.Add(envelope);
        if (Events.Count > retain)
        {
            Events.RemoveRange(0, Events.Count - retain);
        }
        return envelope;
    }

    /// <summary>
    /// Puts back events a snapshot left out (kept elsewhere, e.g. in an op log) beside those it kept: the window becomes
    /// the longest run of consecutive seqs ending at <see cref="Seq"/>, at most <paramref name="retain"/> long. Events
    /// after <see cref="Seq"/> are ignored (they are not in the snapshot yet); a gap ends the window where it is.
    /// </summary>
    public void Restore(IEnumerable<EventEnvelope> restored, int retain)
    {
        var bySeq = new Dictionary<long, EventEnvelope>();
        foreach (var envelope in Events.Concat(restored))
        {
            if (envelope.Seq <= Seq)
            {
                bySeq.TryAdd(envelope.Seq, envelope);
            }
        }
        var window = new List<EventEnvelope>();
        for (var seq = Seq; seq > 0 && window.Count < retain && bySeq.TryGetValue(seq, out var envelope); seq--)
        {
            window.Add(envelope);
        }
        window.Reverse();
        Events = window;
    }

    /// <summary>The events after <paramref name="sinceSeq"/> this user sees, or null when some of them are no longer retained.</summary>
    public IReadOnlyList<EventEnvelope>? VisibleAfter(long sinceSeq, string userId, IReadOnlyCollection<string> audienceGroups) =>
        ReadAfter(sinceSeq)?.Where(e => e.IsVisibleTo(userId, audienceGroups)).ToList();

    /// <summary>The events after <paramref name="sinceSeq"/>, or null when some of them are no longer retained.</summary>
    public IReadOnlyList<EventEnvelope>? ReadAfter(long sinceSeq)
    {
        if (sinceSeq > Seq)
        {
            return null;
        }
        if (sinceSeq == Seq)
        {
            return [];
        }
        if (Events.Count == 0 || Events[0].Seq > sinceSeq + 1)
        {
            return null;
        }
        var first = (int)(sinceSeq + 1 - Events[0].Seq);
        return Events.GetRange(first, Events.Count - first);
    }
}
