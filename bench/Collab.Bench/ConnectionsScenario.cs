using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>
/// Opens N idle hub connections (connected, nothing joined) and reports the server's resident memory growth per
/// connection. All connections belong to one user; the server's per-user budgets must allow the connection rate.
/// </summary>
public sealed class ConnectionsScenario(BenchOptions options, ServerTarget server, TextWriter log)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        using var rest = new SetupClient(server.Url);
        var token = await rest.TokenAsync($"bench-idle-{Guid.NewGuid():N}"[..20], "空闲连接", cancellation);

        // Warm the server's hub pipeline first, so one-off start-up allocations are not charged to the connections.
        var warm = HubClients.Create(server.Url, "/hubs/groups", token, options.Protocol);
        await HubClients.StartWithRetryAsync(warm, cancellation);
        await warm.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), cancellation);

        var probe = server.Probe;
        var rssBefore = probe?.RssBytes();
        var cpuBefore = probe?.CpuSeconds();
        var connections = new HubConnection?[options.Connections];
        var failures = 0;
        var retries = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Connections),
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
            async (index, token2) =>
            {
                var connection = HubClients.Create(server.Url, "/hubs/groups", token, options.Protocol);
                try
                {
                    Interlocked.Add(ref retries, await HubClients.StartWithRetryAsync(connection, token2));
                    connections[index] = connection;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        log.WriteLine($"connection {index} failed: {error.Message}");
                    }
                    await connection.DisposeAsync();
                }
            });
        var openSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), cancellation);

        var open = connections.Count(c => c?.State == HubConnectionState.Connected);
        var rssAfter = probe?.RssBytes();
        var cpuAfter = probe?.CpuSeconds();
        Console.WriteLine($"== connections: {options.Connections} requested, {open} open after {options.SettleSeconds} s idle, {failures} failed, {retries} retried starts; opened in {openSeconds:F1} s ({options.Connections / openSeconds:F0}/s)");
        if (probe is not null && rssBefore is { } before && rssAfter is { } after)
        {
            var perConnection = open > 0 ? (after - before) / (double)open / 1024 : 0;
            Console.WriteLine($"server pid {probe.Pid}: RSS {before / 1048576.0:F1} MiB -> {after / 1048576.0:F1} MiB = {perConnection:F1} KiB per open connection; peak {probe.PeakRssBytes() / 1048576.0:F1} MiB; {cpuAfter - cpuBefore:F2} CPU s to open them");
        }

        Console.Out.Flush();
        await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds), cancellation);
        await Parallel.ForEachAsync(connections.OfType<HubConnection>(), new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (connection, _) => await connection.DisposeAsync());
        var ok = failures == 0 && open == options.Connections;
        return ok ? 0 : 1;
    }
}
