using System.Globalization;

namespace Collab.Bench;

/// <summary>The side-by-side table of a coedit-compare run: each baseline (B1, B2, ShareDB), Collab, and Collab's ratio to each baseline.</summary>
public static class CoeditReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteComparison(IReadOnlyList<CoeditResult> results, BenchOptions options, TextWriter output)
    {
        var collab = results[^1];
        var baselines = results.Take(results.Count - 1).ToList();
        output.WriteLine();
        output.WriteLine(F($"coedit: {collab.Plans} plans x {collab.Editors} editors, one edit per editor every {collab.IntervalMs} ms, protocol {options.Protocol}{(results.Any(r => r.Label == "ShareDB") ? " (ShareDB: its own JSON protocol over a WebSocket)" : "")}, storage {options.Storage}, warm-up {options.WarmupSeconds} s, steady {collab.DurationSeconds} s"));
        output.WriteLine();
        output.WriteLine("| | " + string.Join(" | ", results.Select(r => r.Label)) + " | " + string.Join(" | ", baselines.Select(b => $"Collab/{b.Label}")) + " |");
        output.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", results.Count + baselines.Count)));
        Row(output, "edit-to-peer p50 (ms)", results, r => r.Delivery.P50, "F1");
        Row(output, "edit-to-peer p95 (ms)", results, r => r.Delivery.P95, "F1");
        Row(output, "edit-to-peer p99 (ms)", results, r => r.Delivery.P99, "F1");
        Row(output, "edit-to-peer max (ms)", results, r => r.Delivery.Max, "F1");
        Row(output, "edits/s offered", results, r => r.EditsPerSecond, "F0");
        Row(output, "ops/s applied", results, r => r.OpsPerSecond, "F0");
        Row(output, "receipts / expected", results, r => r.ExpectedReceipts > 0 ? (double)r.Receipts / r.ExpectedReceipts : null, "F4");
        Row(output, "server CPU s per 1,000 receipts", results, r => r.ServerCpuPerThousand, "F4");
        Row(output, "server CPU (% of a core)", results, r => r.ServerCpuSeconds / r.DurationSeconds * 100, "F0");
        Row(output, "load generator CPU (% of a core)", results, r => r.ClientCpuSeconds / r.DurationSeconds * 100, "F0");
        Row(output, "server peak RSS (MiB)", results, r => r.ServerPeakRssBytes / 1048576.0, "F0");
        Row(output, $"machine busy (% of {Environment.ProcessorCount} cores)", results, r => r.MachineBusyPercent, "F0");
        output.WriteLine("| errors | " + string.Join(" | ", results.Select(r => r.Errors.ToString(Invariant))) + " |" + string.Concat(baselines.Select(_ => " |")));
        output.WriteLine();
        foreach (var baseline in baselines)
        {
            output.WriteLine(F($"ratios Collab/{baseline.Label}: CPU per 1,000 receipts {Ratio(collab.ServerCpuPerThousand, baseline.ServerCpuPerThousand)}, p99 edit-to-peer {Ratio(collab.Delivery.P99, baseline.Delivery.P99)}"));
        }
    }

    private static void Row(TextWriter output, string name, IReadOnlyList<CoeditResult> results, Func<CoeditResult, double?> value, string format)
    {
        var collab = value(results[^1]);
        var cells = results.Select(r => Number(value(r), format)).Concat(results.Take(results.Count - 1).Select(b => Ratio(collab, value(b))));
        output.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
    }

    private static string Number(double? value, string format) => value?.ToString(format, Invariant) ?? "-";

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? (n / d).ToString("F2", Invariant) + "x" : "-";

    private static string F(FormattableString text) => text.ToString(Invariant);
}
