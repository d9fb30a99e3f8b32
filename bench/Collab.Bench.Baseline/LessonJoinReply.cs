namespace Collab.Bench.Baseline;

public sealed record LessonJoinReply(long Seq, string ServerNow, LessonSnapshot Snapshot);
