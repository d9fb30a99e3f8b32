using System.Globalization;

namespace Collab.Bench;

/// <summary>Human-readable output: the full detail of one run, and the side-by-side table of a comparison (Markdown).</summary>
public static class ResultsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteRun(GroupsResult r, TextWriter output)
    {
        output.WriteLine(F($"== groups [{r.Label}]: {r.Groups} groups x {r.Members} members, one post per group every {r.IntervalMs} ms, text {r.TextLength} chars, warm-up {r.WarmupSeconds} s, steady {r.DurationSeconds} s"));
        output.WriteLine($"delivery latency (scheduled send -> member receipt) {Latency(r.Delivery)}");
        output.WriteLine($"ack latency (scheduled send -> PostMessage result)  {Latency(r.Ack)}");
        output.WriteLine($"send lag (load generator late vs schedule)          {Latency(r.SendLag)}");
        output.WriteLine(F($"delivered: {r.DeliveredPerSecond:F1}/s in the steady window; posts due {r.PostsDue}, acknowledged {r.PostsAcked}; deliveries expected {r.ExpectedDeliveries}, received {r.ReceivedDeliveries}"));
        output.WriteLine(F($"errors: {r.Errors} (post failures {r.PostFailures}, unacknowledged posts {r.UnfinishedPosts}, missing deliveries {r.MissingDeliveries}, seq gaps {r.SeqGaps}, connections lost {r.ConnectionsLost}); duplicates {r.Duplicates}, retried connection starts {r.ConnectRetries}"));
        foreach (var sample in r.ErrorSamples)
        {
            output.WriteLine($"  e.g. {sample}");
        }
        if (r.ServerPid is { } pid)
        {
            output.WriteLine(F($"server pid {pid}: {r.ServerCpuSeconds:F2} CPU s in the steady window = {r.ServerCpuPerThousand:F4} CPU s per 1,000 delivered; RSS {Mib(r.ServerRssBytes):F1} MiB now, {Mib(r.ServerPeakRssBytes):F1} MiB peak"));
        }
        output.WriteLine(F($"machine: {r.MachineBusyPercent:F0}% of {Environment.ProcessorCount} cores busy in the steady window; load generator used {r.ClientCpuSeconds:F2} CPU s, other processes {r.OtherCpuSeconds:F2} CPU s"));
    }

    public static void WriteComparison(GroupsResult baseline, GroupsResult collab, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(F($"groups: {collab.Groups} groups x {collab.Members} members, one post per group every {collab.IntervalMs} ms, {collab.TextLength}-char text, warm-up {collab.WarmupSeconds} s, steady {collab.DurationSeconds} s"));
        output.WriteLine();
        output.WriteLine("| | B0 (bare SignalR) | Collab | Collab/B0 |");
        output.WriteLine("|---|---:|---:|---:|");
        Row(output, "delivery p50 (ms)", baseline.Delivery.P50, collab.Delivery.P50, "F1");
        Row(output, "delivery p95 (ms)", baseline.Delivery.P95, collab.Delivery.P95, "F1");
        Row(output, "delivery p99 (ms)", baseline.Delivery.P99, collab.Delivery.P99, "F1");
        Row(output, "delivery max (ms)", baseline.Delivery.Max, collab.Delivery.Max, "F1");
        Row(output, "ack p99 (ms)", baseline.Ack.P99, collab.Ack.P99, "F1");
        Row(output, "delivered/s", baseline.DeliveredPerSecond, collab.DeliveredPerSecond, "F0");
        Row(output, "server CPU s per 1,000 delivered", baseline.ServerCpuPerThousand, collab.ServerCpuPerThousand, "F4");
        Row(output, "server peak RSS (MiB)", Mib(baseline.ServerPeakRssBytes), Mib(collab.ServerPeakRssBytes), "F0");
        Row(output, $"machine busy (% of {Environment.ProcessorCount} cores)", baseline.MachineBusyPercent, collab.MachineBusyPercent, "F0");
        Row(output, "load generator CPU s", baseline.ClientCpuSeconds, collab.ClientCpuSeconds, "F2");
        Row(output, "other processes CPU s (noise)", baseline.OtherCpuSeconds, collab.OtherCpuSeconds, "F2");
        output.WriteLine(F($"| errors | {baseline.Errors} | {collab.Errors} | |"));
        output.WriteLine();
        output.WriteLine(F($"ratios Collab/B0: CPU per 1,000 delivered {Ratio(collab.ServerCpuPerThousand, baseline.ServerCpuPerThousand)}, p99 delivery latency {Ratio(collab.Delivery.P99, baseline.Delivery.P99)}"));
    }

    private static void Row(TextWriter output, string name, double? baseline, double? collab, string format) =>
        output.WriteLine($"| {name} | {Number(baseline, format)} | {Number(collab, format)} | {Ratio(collab, baseline)} |");

    private static string Latency(LatencySummary s) =>
        F($"ms: p50 {s.P50:F2}  p95 {s.P95:F2}  p99 {s.P99:F2}  max {s.Max:F2}  (n={s.Count})");

    private static string Number(double? value, string format) => value?.ToString(format, Invariant) ?? "-";

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? (n / d).ToString("F2", Invariant) + "x" : "-";

    private static double? Mib(long? bytes) => bytes / (1024.0 * 1024.0);

    private static string F(FormattableString text) => text.ToString(Invariant);
}
