namespace Collab.Bench.Baseline;

/// <summary>
/// <c>SubmitOp</c>'s request. <see cref="Ops"/> is whatever the hub protocol produced for the list: a JsonElement
/// (JSON) or an object array (MessagePack).
/// </summary>
public sealed record SubmitOpRequest(string? ClientId, long ClientSeq, string? Section, long BaseRevision, object? Ops);
