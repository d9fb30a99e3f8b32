namespace Collab.Bench;

/// <summary>The three commands. Each returns the process exit code: 0 only when the run had no error and delivered.</summary>
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
