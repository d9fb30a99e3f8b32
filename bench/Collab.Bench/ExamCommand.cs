namespace Collab.Bench;

/// <summary>
/// The exam command: against <c>--url</c>, or a Collab it starts itself (<c>--spawn collab</c>) on the embedded
/// SQLite default or on PostgreSQL (<c>--storage postgres --connection-string ...</c>). Exit code 0 only when nothing
/// failed, no acknowledged answer was lost and some acknowledged answers were checked.
/// </summary>
public static class ExamCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellation)
    {
        if (options.Spawn is "b0" or "b1" or "b2")
        {
            throw new ArgumentException("the bare baseline has no exams: use --spawn collab or --url");
        }
        ExamResult result;
        if (options.Nodes > 1)
        {
            result = await RunClusterAsync(options, cancellation);
        }
        else if (options.Spawn is "collab")
        {
            await using var child = await ServerLauncher.StartAsync("collab", RepositoryRoot.Find(options.Root), Console.Out, cancellation,
                StorageChoice.From(options));
            result = await new ExamScenario(options, child.Url, child.Probe, $"collab/{options.Storage}", Console.Out).RunAsync(cancellation);
        }
        else
        {
            await using var server = await ServerTarget.ResolveAsync(options, Console.Out, cancellation);
            result = await new ExamScenario(options, server.Url, server.Probe, server.Url, Console.Out).RunAsync(cancellation);
        }
        ExamReport.Write(result, Console.Out);
        if (result.OtherNodesPeakRssBytes is { Count: > 0 } others)
        {
            Console.WriteLine($"peak RSS of the other nodes: {string.Join(", ", others.Select(b => $"{b / 1048576.0:F0} MiB"))}");
        }
        if (result.Errors > 0 || result.LostAnswers > 0 || result.CheckedAnswers == 0)
        {
            Console.Error.WriteLine($"[{result.Label}] FAILED: {result.Errors} errors, {result.LostAnswers} lost answers, {result.CheckedAnswers} acknowledged answers checked");
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// N Collab nodes of one Orleans cluster on PostgreSQL (storage and membership, as deploy/scripts/local-cluster.sh
    /// runs them, each Api co-hosting a silo), one signing key for all; the candidates are spread over the nodes.
    /// </summary>
    private static async Task<ExamResult> RunClusterAsync(BenchOptions options, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find(options.Root);
        var storage = StorageChoice.From(options);
        string[] cluster = ["--Collab:Clustering=postgres", $"--Collab:Auth:SigningKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48))}"];
        var nodes = new List<ChildServer>();
        try
        {
            for (var n = 0; n < options.Nodes; n++)
            {
                nodes.Add(await ServerLauncher.StartAsync("collab", root, Console.Out, cancellation, storage, cluster));
            }
            var result = await new ExamScenario(options, nodes[0].Url, nodes[0].Probe, $"collab/{options.Storage} x {options.Nodes} nodes", Console.Out,
                nodes.Select(node => node.Url).ToList()).RunAsync(cancellation);
            return result with { OtherNodesPeakRssBytes = nodes.Skip(1).Select(node => node.Probe.PeakRssBytes()).ToList() };
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }
}
