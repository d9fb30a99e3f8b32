namespace Collab.Bench.Baseline;

/// <summary>The part of Collab's plan snapshot a co-editing client reads: the revision, who the caller is (a client tells its own ops by user id and client id) and each section's text.</summary>
public sealed record LessonSnapshot(string Id, long Revision, string You, IReadOnlyList<SectionSnapshot> Sections);
