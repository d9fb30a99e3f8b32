using System.Text.Json;
using Collab.Ot;

namespace Collab.Client;

/// <summary>The data of an <c>op.applied</c> event (PROTOCOL §2): the op as the server applied it, and whose it was.</summary>
public sealed record OpApplied(long Revision, string Section, TextOperation Operation, string UserId, string ClientId, long ClientSeq)
{
    public static OpApplied FromJson(JsonElement data) => new(
        data.GetProperty("revision").GetInt64(),
        data.GetProperty("section").GetString()!,
        TextOperation.Parse(data.GetProperty("ops")),
        data.GetProperty("userId").GetString()!,
        data.GetProperty("clientId").GetString()!,
        data.GetProperty("clientSeq").GetInt64());
}
