namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>
/// The processes of one cluster test under one temporary folder: started here, all stopped and removed at the end,
/// and a failing scenario reports the tail of every node's log.
/// </summary>
public sealed class ClusterNodes(string prefix) : IAsyncDisposable
{
    private readonly List<NodeProcess> _nodes = [];

    public string Root { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Starts an Api node; <paramref name="httpPort"/> (a restarted node's) or else a free one.</summary>
    public NodeProcess StartApi(string name, string connectionString, string role, int? httpPort = null) =>
        Track(NodeProcess.StartApi(name, Root, connectionString, role, httpPort));

    public NodeProcess StartSilo(string name, string connectionString, params string[] settings) =>
        Track(NodeProcess.StartSilo(name, Root, connectionString, settings));

    /// <summary>
    /// Waits until every silo is active in the membership table, then starts two client-role Api nodes, api-a and
    /// api-b, and waits until both are ready: started only once the silos are members, each Api knows every gateway.
    /// </summary>
    public async Task<(NodeProcess A, NodeProcess B)> StartClientApisOnceSilosJoinAsync(string database, params NodeProcess[] silos)
    {
        foreach (var silo in silos)
        {
            await silo.WaitUntilAsync(async () => (await Membership.ActiveSiloPortsAsync(database)).Contains(silo.SiloPort),
                () => $"{silo.Name} is not active in orleans_membership");
        }
        var a = StartApi("api-a", database, "client");
        var b = StartApi("api-b", database, "client");
        await Task.WhenAll(a.WaitReadyAsync(), b.WaitReadyAsync());
        return (a, b);
    }

    /// <summary>Runs the scenario; a failure carries the tail of every node's log.</summary>
    public async Task RunAsync(Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch (Exception exception) when (exception is not NodeFailureException)
        {
            var logs = string.Join("\n", _nodes.Select(node => node.LogTail()));
            throw new NodeFailureException($"{exception.GetType().Name}: {exception.Message}\n{logs}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(node => node.DisposeAsync().AsTask()));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private NodeProcess Track(NodeProcess node)
    {
        _nodes.Add(node);
        return node;
    }
}
