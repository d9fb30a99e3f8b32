namespace Collab.Bench.Baseline;

public sealed record PostReply(string MessageId, string At);
