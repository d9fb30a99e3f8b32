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

    public EventEnvelope Append(string stream, string type, DateTimeOffset at, string dataJson, string? audience, int retain,
        string[]? audiences = null)
    {
        var envelope = new EventEnvelope(stream, Seq + 1, type, at, dataJson, audience, audiences);
        Seq = envelope.Seq;
        Events.Add(envelope);
        if (Events.Count > retain)
        {
            Events.RemoveRange(0, Events.Count - retain);
        }
        return envelope;
    }

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
