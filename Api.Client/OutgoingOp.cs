namespace Collab.Client;

/// <summary>A change for <c>SubmitOp</c>: made on <see cref="BaseRevision"/>, identified by <see cref="ClientId"/> and <see cref="ClientSeq"/>.</summary>
public sealed record OutgoingOp<TChange>(string ClientId, long ClientSeq, string Section, long BaseRevision, TChange Operation)
    where TChange : notnull
{
    /// <summary>The request object of the hub method, serialized by SignalR as the protocol's camelCase JSON.</summary>
    public Dictionary<string, object> ToRequest<TContent>(ISectionFormat<TChange, TContent> format) => new()
    {
        ["clientId"] = ClientId,
        ["clientSeq"] = ClientSeq,
        ["section"] = Section,
        ["baseRevision"] = BaseRevision,
        [format.Field] = format.Write(Operation),
    };
}
