using System.Text.Json;
using Collab.Ot;

namespace Collab.Client;

/// <summary>The data of an <c>op.applied</c> event (PROTOCOL §2, §9): the change as the server applied it, and whose it was.</summary>
public sealed record OpApplied<TChange>(long Revision, string Section, TChange Operation, string UserId, string ClientId, long ClientSeq)
    where TChange : notnull
{
    public static OpApplied<TChange> FromJson<TContent>(JsonElement data, ISectionFormat<TChange, TContent> format) => new(
        data.GetProperty("revision").GetInt64(),
        data.GetProperty("section").GetString()!,
        format.Read(data.GetProperty(format.Field)),
        data.GetProperty("userId").GetString()!,
        data.GetProperty("clientId").GetString()!,
        data.GetProperty("clientSeq").GetInt64());
}

/// <summary>Reading a plain-text section's <c>op.applied</c>.</summary>
public static class OpApplied
{
    public static OpApplied<TextOperation> FromJson(JsonElement data) => OpApplied<TextOperation>.FromJson(data, TextSectionFormat.Instance);
}
