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
        var result = await RunCoeditAsync(options, options.Spawn, server.Url, server.Probe, options.Spawn is { } spawned ? Label(spawned) : server.Url,
            cancellation);
        return CoeditVerdict(result);
    }

    /// <summary>
    /// The baselines (B1, B2 and ShareDB by default) then Collab, each started fresh (B2 and Collab with the same storage),
    /// each given the identical coedit load: through the same client library and hub protocol, or ShareDB's own
    /// protocol; then the side-by-side table with the ratios.
    /// </summary>
    public static async Task<int> CoeditCompareAsync(BenchOptions options, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find(options.Root);
        var results = new List<CoeditResult>();
        foreach (var target in options.Baselines.Append("collab"))
        {
            await using var server = await ServerLauncher.StartAsync(target, root, Console.Out, cancellation, StorageChoice.From(options));
            results.Add(await RunCoeditAsync(options, target, server.Url, server.Probe, Label(target), cancellation));
        }
        CoeditReport.WriteComparison(results, options, Console.Out);
        return results.Select(CoeditVerdict).Max();
    }

    private static async Task<CoeditResult> RunCoeditAsync(BenchOptions options, string? target, string url, ProcessProbe? probe, string label,
        CancellationToken cancellation)
    {
        await using ICoeditScenario scenario = target == "sharedb"
            ? new ShareDbCoeditScenario(url, probe, Console.Out, label)
            : new CoeditScenario(url, probe, Console.Out, options.Protocol, label);
        await scenario.SetupAsync(options.Plans, options.Editors, options.ConnectConcurrency, cancellation);
        var result = await scenario.MeasureAsync(options.IntervalMs, options.WarmupSeconds, options.DurationSeconds, options.DrainSeconds, cancellation);
        result.Write(Console.Out);
        return result;
    }

    private static string Label(string target) => target switch
    {
        "collab" => "Collab",
        "sharedb" => "ShareDB",
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
