using System.Text.Json.Serialization;
using Collab.Grains.Interfaces.Live;

namespace Collab.Api.Live;

/// <summary>The <c>Event</c> envelope of PROTOCOL §0 as clients receive it; <c>prev</c> only where a stream chains its events for everyone.</summary>
public sealed record EventMessage(
    string Stream,
    long Seq,
    string Type,
    DateTimeOffset At,
    RawJson Data,
    [property: JsonPropertyName("prev"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Prev = null)
{
    public static EventMessage From(EventEnvelope envelope) =>
        new(envelope.Stream, envelope.Seq, envelope.Type, envelope.At, new RawJson(envelope.DataJson), envelope.PreviousForEveryone);
}
