using Collab.Ot;

namespace Collab.Client;

/// <summary>An op for <c>SubmitOp</c>: made on <see cref="BaseRevision"/>, identified by <see cref="ClientId"/> and <see cref="ClientSeq"/>.</summary>
public sealed record OutgoingOp(string ClientId, long ClientSeq, string Section, long BaseRevision, TextOperation Operation)
{
    /// <summary>The request object of the hub method, serialized by SignalR as the protocol's camelCase JSON.</summary>
    public object ToRequest() => new { clientId = ClientId, clientSeq = ClientSeq, section = Section, baseRevision = BaseRevision, ops = Operation.ToWire() };
}
