namespace Collab.Bench.Baseline;

public sealed record PostMessageRequest(string? ClientId, long ClientSeq, string? Text);
