using Collab.Bench.ShareDb;

namespace Collab.Bench;

/// <summary>The commands. Each returns the process exit code: 0 only when the run had no error and delivered.</summary>
public static class Commands
{
    public static async Task<int> GroupsAsync(BenchOptions options, CancellationToken cancellation)
    {
        await using var server = await ServerTarget.ResolveAsync(options, Console.Out, cancellation);
        var result = await new GroupsScenario(options, server.Url, server.Probe, options.Spawn ?? server.Url, Console.Out).RunAsync(cancellation);
        ResultsReport.WriteRun(result, Console.Out);
        return Verdict(result);
    }

    public static async Task<int> ConnectionsAsync(BenchOptions options, CancellationToken cancellation)
    {
        await using var server = await ServerTarget.ResolveAsync(options, Console.Out, cancellation);
        return await new ConnectionsScenario(options, server, Console.Out).RunAsync(cancellation);
    }

    /// <summary>B0 then Collab, each started fresh, each given the identical groups load; then the side-by-side table.</summary>
    public static async Task<int> CompareAsync(BenchOptions options, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find(options.Root);
        var results = new List<GroupsResult>();
        foreach (var (target, label) in new[] { ("b0", "B0"), ("collab", "Collab") })
        {
            await using var server = await ServerLauncher.StartAsync(target, root, Console.Out, cancellation);
            var result = await new GroupsScenario(options, server.Url, server.Probe, label, Console.Out).RunAsync(cancellation);
            ResultsReport.WriteRun(result, Console.Out);
            results.Add(result);
        }
        ResultsReport.WriteComparison(results[0], results[1], Console.Out);
        return results.Select(Verdict).Max();
    }

    public static async Task<int> CoeditAsync(BenchOptions options, CancellationToken cancellation)
    {
        await using var server = await ServerTarget.ResolveAsync(options, Console.Out, cancellation);
        var rich = options.Formats[0] == "rich";
        var result = await RunCoeditAsync(options, options.Spawn, rich, server.Url, server.Probe,
            options.Spawn is { } spawned ? Label(spawned, rich) : server.Url, cancellation);
        return CoeditVerdict(result);
    }

    /// <summary>
    /// For each format, the baselines (B1, B2 and ShareDB by default; B1 and B2 only for text) then Collab, each started
    /// fresh (B2 and Collab with the same storage), each given the identical coedit load: through the same client
    /// library and hub protocol, or ShareDB's own protocol; then the side-by-side table with the ratios.
    /// </summary>
    public static async Task<int> CoeditCompareAsync(BenchOptions options, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find(options.Root);
        var results = new List<CoeditResult>();
        var ratios = new List<(CoeditResult Of, CoeditResult To)>();
        CoeditResult? collabText = null;
        foreach (var rich in options.Formats.Select(format => format == "rich"))
        {
            var baselines = new List<CoeditResult>();
            foreach (var target in options.Baselines.Where(b => !rich || b == "sharedb").Append("collab"))
            {
                await using var server = await ServerLauncher.StartAsync(target, root, Console.Out, cancellation, StorageChoice.From(options));
                var result = await RunCoeditAsync(options, target, rich, server.Url, server.Probe, Label(target, rich), cancellation);
                results.Add(result);
                if (target != "collab")
                {
                    baselines.Add(result);
                    continue;
                }
                ratios.AddRange(baselines.Select(baseline => (result, baseline)));
                if (rich && collabText is { } text)
                {
                    ratios.Add((result, text));
                }
                if (!rich)
                {
                    collabText = result;
                }
            }
        }
        CoeditReport.WriteComparison(results, ratios, options, Console.Out);
        return results.Select(CoeditVerdict).Max();
    }

    private static async Task<CoeditResult> RunCoeditAsync(BenchOptions options, string? target, bool rich, string url, ProcessProbe? probe,
        string label, CancellationToken cancellation)
    {
        await using ICoeditScenario scenario = target == "sharedb"
            ? new ShareDbCoeditScenario(url, probe, Console.Out, label, rich)
            : new CoeditScenario(url, probe, Console.Out, options.Protocol, label, rich);
        await scenario.SetupAsync(options.Plans, options.Editors, options.ConnectConcurrency, cancellation);
        var result = await scenario.MeasureAsync(options.IntervalMs, options.WarmupSeconds, options.DurationSeconds, options.DrainSeconds, cancellation);
        result.Write(Console.Out);
        return result;
    }

    private static string Label(string target, bool rich = false) => (target, rich) switch
    {
        ("collab", false) => "Collab",
        ("collab", true) => "Collab rich",
        ("sharedb", false) => "ShareDB",
        ("sharedb", true) => "ShareDB rich-text",
        _ => target.ToUpperInvariant(),
    };

    private static int CoeditVerdict(CoeditResult result)
    {
        if (result.Errors > 0 || result.Receipts == 0 || result.MissingReceipts > 0)
        {
            Console.Error.WriteLine($"[coedit {result.Label}] FAILED: {result.Errors} errors, {result.MissingReceipts} receipts missing");
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// One plan, the rate doubling every step until it breaks; the ceiling is the last step that held. Edits are
    /// composed behind each editor's op in flight, so the plan applies fewer ops than edits are typed once a round trip
    /// outlasts the interval: both rates are reported.
    /// </summary>
    public static async Task<int> CoeditCeilingAsync(BenchOptions options, CancellationToken cancellation)
    {
        await using var server = await ServerTarget.ResolveAsync(options, Console.Out, cancellation);
        await using var scenario = new CoeditScenario(server.Url, server.Probe, Console.Out, options.Protocol);
        await scenario.SetupAsync(1, options.Editors, options.ConnectConcurrency, cancellation);
        CoeditResult? held = null;
        for (var rate = options.StartRate; ; rate *= 2)
        {
            var result = await scenario.MeasureAsync(options.Editors * 1000.0 / rate, 2, options.StepSeconds, options.DrainSeconds, cancellation);
            result.Write(Console.Out);
            var broke = result.Errors > 0 || result.Receipts == 0 || result.MissingReceipts > 0 || result.Delivery.P99 > options.MaxP99Ms;
            if (broke)
            {
                Console.WriteLine(held is null
                    ? $"[coedit-ceiling] broke at the first step ({rate:F0} edits/s)"
                    : $"[coedit-ceiling] ceiling: {held.EditsPerSecond:F0} edits/s as {held.OpsPerSecond:F0} ops/s applied to one plan, " +
                      $"p99 {held.Delivery.P99:F1} ms; broke at {rate:F0} edits/s (p99 {result.Delivery.P99:F1} ms, {result.Errors} errors, " +
                      $"{result.MissingReceipts} receipts missing)");
                return held is null ? 1 : 0;
            }
            held = result;
        }
    }

    private static int Verdict(GroupsResult result)
    {
        if (result.Errors > 0 || result.ReceivedDeliveries == 0)
        {
            Console.Error.WriteLine($"[{result.Label}] FAILED: {result.Errors} errors, {result.ReceivedDeliveries} deliveries measured");
            return 1;
        }
        return 0;
    }
}
