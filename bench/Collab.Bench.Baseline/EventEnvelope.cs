namespace Collab.Bench.Baseline;

/// <summary>The <c>Event</c> envelope of PROTOCOL §0; <see cref="Data"/> is serialized as its runtime type.</summary>
public sealed record EventEnvelope(string Stream, long Seq, string Type, string At, object Data);
