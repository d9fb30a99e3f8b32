namespace Collab.Bench.Baseline;

/// <summary>The <c>Event</c> envelope of PROTOCOL §0.</summary>
public sealed record EventEnvelope(string Stream, long Seq, string Type, string At, PostedMessage Data);
