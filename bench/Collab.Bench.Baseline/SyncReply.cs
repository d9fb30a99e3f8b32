namespace Collab.Bench.Baseline;

/// <summary><c>Sync</c>'s reply: the events after the given seq, or, when some are no longer retained, a snapshot.</summary>
public sealed record SyncReply(IReadOnlyList<EventEnvelope> Events, LessonSnapshot? Snapshot, long? Seq);
