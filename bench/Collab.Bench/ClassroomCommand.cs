namespace Collab.Bench;

/// <summary>
/// The classroom command: B0 (bare SignalR, <c>/hubs/classroom</c> with nothing behind it) and then Collab, each started
/// fresh, each given the identical classroom; or only one of them with <c>--spawn b0|collab</c>. Collab keeps its state
/// on SQLite or <c>--storage postgres</c>. Exit code 0 only when every run counted every answer without an error.
/// </summary>
public static class ClassroomCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellation)
    {
        if (options.Spawn is not (null or "b0" or "collab"))
        {
            throw new ArgumentException("classroom runs --spawn b0 or collab (both, B0 first, without --spawn)");
        }
        var root = RepositoryRoot.Find(options.Root);
        var results = new List<ClassroomResult>();
        foreach (var target in options.Spawn is { } only ? [only] : new[] { "b0", "collab" })
        {
            await using var server = await ServerLauncher.StartAsync(target, root, Console.Out, cancellation, StorageChoice.From(options));
            var label = target == "b0" ? "B0" : $"collab/{options.Storage}";
            var result = await new ClassroomScenario(options, server.Url, server.Probe, label, target == "b0", Console.Out).RunAsync(cancellation);
            result.Write(Console.Out);
            results.Add(result);
        }
        var failed = results.Where(result => result.Errors > 0).ToList();
        foreach (var result in failed)
        {
            Console.Error.WriteLine($"[classroom {result.Label}] FAILED: {result.Errors} errors");
        }
        return failed.Count == 0 ? 0 : 1;
    }
}
