using System.Globalization;

namespace Collab.Bench;

/// <summary>
/// The side-by-side table of a coedit-compare run: each run (the baselines, Collab, and per format), then the ratios
/// asked for (Collab to each baseline of its format; Collab rich to Collab).
/// </summary>
public static class CoeditReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteComparison(IReadOnlyList<CoeditResult> results, IReadOnlyList<(CoeditResult Of, CoeditResult To)> ratios,
        BenchOptions options, TextWriter output)
    {
        var first = results[0];
        output.WriteLine();
        output.WriteLine(F($"coedit: {first.Plans} plans x {first.Editors} editors, one edit per editor every {first.IntervalMs} ms, formats {string.Join(", ", options.Formats)}, protocol {options.Protocol}{(results.Any(r => r.Label.StartsWith("ShareDB", StringComparison.Ordinal)) ? " (ShareDB: its own JSON protocol over a WebSocket)" : "")}, storage {options.Storage}, warm-up {options.WarmupSeconds} s, steady {first.DurationSeconds} s"));
        output.WriteLine();
        output.WriteLine("| | " + string.Join(" | ", results.Select(r => r.Label)) + " | " + string.Join(" | ", ratios.Select(r => $"{r.Of.Label}/{r.To.Label}")) + " |");
        output.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", results.Count + ratios.Count)));
        Row(output, "edit-to-peer p50 (ms)", results, ratios, r => r.Delivery.P50, "F1");
        Row(output, "edit-to-peer p95 (ms)", results, ratios, r => r.Delivery.P95, "F1");
        Row(output, "edit-to-peer p99 (ms)", results, ratios, r => r.Delivery.P99, "F1");
        Row(output, "edit-to-peer max (ms)", results, ratios, r => r.Delivery.Max, "F1");
        Row(output, "edits/s offered", results, ratios, r => r.EditsPerSecond, "F0");
        Row(output, "ops/s applied", results, ratios, r => r.OpsPerSecond, "F0");
        Row(output, "receipts / expected", results, ratios, r => r.ExpectedReceipts > 0 ? (double)r.Receipts / r.ExpectedReceipts : null, "F4");
        Row(output, "server CPU s per 1,000 receipts", results, ratios, r => r.ServerCpuPerThousand, "F4");
        Row(output, "server CPU (% of a core)", results, ratios, r => r.ServerCpuSeconds / r.DurationSeconds * 100, "F0");
        Row(output, "load generator CPU (% of a core)", results, ratios, r => r.ClientCpuSeconds / r.DurationSeconds * 100, "F0");
        Row(output, "server peak RSS (MiB)", results, ratios, r => r.ServerPeakRssBytes / 1048576.0, "F0");
        Row(output, $"machine busy (% of {Environment.ProcessorCount} cores)", results, ratios, r => r.MachineBusyPercent, "F0");
        output.WriteLine("| errors | " + string.Join(" | ", results.Select(r => r.Errors.ToString(Invariant))) + " |" + string.Concat(ratios.Select(_ => " |")));
        output.WriteLine();
        foreach (var (of, to) in ratios)
        {
            output.WriteLine(F($"ratios {of.Label}/{to.Label}: CPU per 1,000 receipts {Ratio(of.ServerCpuPerThousand, to.ServerCpuPerThousand)}, p99 edit-to-peer {Ratio(of.Delivery.P99, to.Delivery.P99)}"));
        }
    }

    private static void Row(TextWriter output, string name, IReadOnlyList<CoeditResult> results, IReadOnlyList<(CoeditResult Of, CoeditResult To)> ratios,
        Func<CoeditResult, double?> value, string format)
    {
        var cells = results.Select(r => Number(value(r), format)).Concat(ratios.Select(r => Ratio(value(r.Of), value(r.To))));
        output.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
    }

    private static string Number(double? value, string format) => value?.ToString(format, Invariant) ?? "-";

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? (n / d).ToString("F2", Invariant) + "x" : "-";

    private static string F(FormattableString text) => text.ToString(Invariant);
}
