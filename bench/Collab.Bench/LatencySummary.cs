namespace Collab.Bench;

/// <summary>Percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max);
