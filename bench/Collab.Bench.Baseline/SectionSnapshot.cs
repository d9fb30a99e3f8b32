namespace Collab.Bench.Baseline;

public sealed record SectionSnapshot(string Key, string Title, string Text);
