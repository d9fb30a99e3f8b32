namespace Collab.Bench;

/// <summary>What one coedit run measured.</summary>
public sealed record CoeditResult(
    int Plans,
    int Editors,
    double IntervalMs,
    double DurationSeconds,
    long EditsDue,
    long ExpectedReceipts,
    long Receipts,
    long AppliedOps,
    long Errors,
    LatencySummary Delivery,
    double MachineBusyPercent,
    double? ServerCpuSeconds,
    long? ServerPeakRssBytes = null,
    string Label = "",
    double ClientCpuSeconds = 0)
{
    /// <summary>Server CPU seconds of the window per 1,000 edits received by peers (the messages that matter to a user).</summary>
    public double? ServerCpuPerThousand => Receipts > 0 ? ServerCpuSeconds / Receipts * 1000 : null;

    public double EditsPerSecond => EditsDue / DurationSeconds;
    public double OpsPerSecond => AppliedOps / DurationSeconds;
    public long MissingReceipts => Math.Max(0, ExpectedReceipts - Receipts);

    public void Write(TextWriter log) =>
        log.WriteLine(
            $"[coedit{(Label.Length > 0 ? " " + Label : "")}] {Plans} plan(s) x {Editors} editors, one edit per editor every {IntervalMs:F1} ms: " +
            $"{EditsPerSecond:F0} edits/s offered, {OpsPerSecond:F0} ops/s applied per plan-sum, " +
            $"peer receipt p50 {Delivery.P50:F1} / p95 {Delivery.P95:F1} / p99 {Delivery.P99:F1} / max {Delivery.Max:F1} ms " +
            $"({Receipts} of {ExpectedReceipts} receipts, {Errors} errors), machine {MachineBusyPercent:F0}% busy" +
            (ServerCpuSeconds is { } cpu ? $", server {cpu / DurationSeconds * 100:F0}% of a core, {ServerCpuPerThousand:F4} CPU s per 1,000 receipts" : "") +
            (ServerPeakRssBytes is { } rss ? $", peak RSS {rss / 1048576.0:F0} MiB" : "") +
            $", load generator {ClientCpuSeconds / DurationSeconds * 100:F0}% of a core");
}
