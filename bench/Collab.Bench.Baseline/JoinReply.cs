namespace Collab.Bench.Baseline;

public sealed record JoinReply(long Seq, string ServerNow, EmptySnapshot Snapshot);
