using System.Text.Json;
using Collab.Grains.Interfaces.Live;

namespace Collab.Api.Live;

/// <summary>The <c>Event</c> envelope of PROTOCOL §0 as clients receive it.</summary>
public sealed record EventMessage(string Stream, long Seq, string Type, DateTimeOffset At, JsonElement Data)
{
    public static EventMessage From(EventEnvelope envelope)
    {
        using var data = JsonDocument.Parse(envelope.DataJson);
        return new EventMessage(envelope.Stream, envelope.Seq, envelope.Type, envelope.At, data.RootElement.Clone());
    }
}
