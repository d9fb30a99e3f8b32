namespace Collab.Bench;

/// <summary>The part of a Join result the scenario needs: the seq the event flow continues from.</summary>
public sealed record JoinedReply(long Seq);
