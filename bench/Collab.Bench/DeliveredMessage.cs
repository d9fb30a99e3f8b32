namespace Collab.Bench;

/// <summary>The parts of a <c>message.posted</c> payload that identify the post.</summary>
public sealed record DeliveredMessage(string? ClientId, long ClientSeq);
