using System.Text.Json;
using Collab.Grains.Interfaces.Live;

namespace Collab.Api.Live;

/// <summary>Either <c>events</c>, or (when they are no longer retained) no events, a snapshot and its seq.</summary>
public sealed record SyncResponse(IReadOnlyList<EventMessage> Events, JsonElement? Snapshot, long? Seq)
{
    public static SyncResponse From(SyncResult result) => result.SnapshotJson is null
        ? new SyncResponse(result.Events.Select(EventMessage.From).ToList(), null, null)
        : new SyncResponse([], JoinResponse.Parse(result.SnapshotJson), result.Seq);
}
