namespace Collab.Bench.Baseline;

/// <summary><c>SubmitOp</c>'s acknowledgement, Collab's shape.</summary>
public sealed record OpAcceptedReply(long Revision);
