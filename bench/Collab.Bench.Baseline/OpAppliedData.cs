namespace Collab.Bench.Baseline;

/// <summary>The data of <c>op.applied</c> (PROTOCOL §2), field for field what Collab sends.</summary>
public sealed record OpAppliedData(long Revision, string Section, List<object> Ops, string UserId, string ClientId, long ClientSeq);
