using System.Text.Json;
using Collab.Grains.Interfaces.Live;

namespace Collab.Api.Live;

public sealed record JoinResponse(long Seq, DateTimeOffset ServerNow, JsonElement Snapshot)
{
    public static JoinResponse From(JoinResult result) => new(result.Seq, result.ServerNow, Parse(result.SnapshotJson));

    internal static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
