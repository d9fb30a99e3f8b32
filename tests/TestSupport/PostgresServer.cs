using Xunit;
using System.Diagnostics;
using Npgsql;

namespace Collab.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server for one test assembly, started by the project's <c>deploy/scripts/pg-local.sh</c>
/// (which installs PostgreSQL with apt-get when absent) in a temporary folder on a free loopback port, and stopped
/// afterwards. Each test asks for its own empty database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"collab-pg-{Guid.NewGuid():N}"[..24]);
    private int _databases;

    public string ServerConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var output = await RunScriptAsync("start");
        var line = output.Split('\n').Single(l => l.StartsWith("CONNECTION_STRING=", StringComparison.Ordinal));
        ServerConnectionString = line["CONNECTION_STRING=".Length..].Trim('\'', ' ', '\r') + ";Pooling=false";
    }

    public async Task DisposeAsync()
    {
        await RunScriptAsync("stop");
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Stops the server (a database outage); <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => RunScriptAsync("stop");

    public Task StartAgainAsync() => RunScriptAsync("start");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "collab")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private async Task<string> RunScriptAsync(string verb)
    {
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "scripts", "pg-local.sh");
        var start = new ProcessStartInfo("bash", [script, verb, _folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg-local.sh {verb} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }
}
