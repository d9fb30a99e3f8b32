namespace Collab.Bench.Baseline;

/// <summary>The <c>data</c> of <c>message.posted</c>, field for field as Collab sends it.</summary>
public sealed record PostedMessage(string Id, string UserId, string Name, string Text, string At, string ClientId, long ClientSeq);
