namespace Collab.Bench;

/// <summary>The server a scenario drives: one this bench started (<c>--spawn</c>), or one already running at <c>--url</c>.</summary>
public sealed class ServerTarget : IAsyncDisposable
{
    private readonly ChildServer? _child;

    private ServerTarget(string url, ProcessProbe? probe, ChildServer? child)
    {
        Url = url;
        Probe = probe;
        _child = child;
    }

    public string Url { get; }
    public ProcessProbe? Probe { get; }

    public static async Task<ServerTarget> ResolveAsync(BenchOptions options, TextWriter log, CancellationToken cancellation)
    {
        if (options.Spawn is { } target)
        {
            var child = await ServerLauncher.StartAsync(target, RepositoryRoot.Find(options.Root), log, cancellation, StorageChoice.From(options));
            return new ServerTarget(child.Url, child.Probe, child);
        }
        var probe = ServerLocator.Find(options.ServerPid, options.ServerProcessName);
        if (probe is null)
        {
            log.WriteLine("no --server-pid or --server-process-name: server CPU and memory are not measured");
        }
        return new ServerTarget(options.Url.TrimEnd('/'), probe, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_child is not null)
        {
            await _child.DisposeAsync();
        }
    }
}
