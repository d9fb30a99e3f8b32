namespace Collab.Bench.Baseline;

/// <summary>The part of Collab's plan snapshot a co-editing client reads: the revision and each section's text.</summary>
public sealed record LessonSnapshot(string Id, long Revision, IReadOnlyList<SectionSnapshot> Sections);
