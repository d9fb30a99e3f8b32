using System.Diagnostics;

namespace Collab.Bench;

/// <summary>
/// Starts a baseline (B0, B1, B2: one host, <c>--mode</c>) or the real Collab Api (embedded default: co-hosted silo,
/// SQLite; or PostgreSQL) on free loopback ports.
/// </summary>
public static class ServerLauncher
{
    public const string Configuration = "Release";

    public static async Task<ChildServer> StartAsync(
        string target, string root, TextWriter log, CancellationToken cancellation, StorageChoice? storage = null)
    {
        storage ??= StorageChoice.Sqlite;
        var port = FreePorts.Next();
        var url = $"http://127.0.0.1:{port}";
        if (target is "b0" or "b1" or "b2")
        {
            // The baseline belongs to the bench: it comes from the bench's own checkout even when --root points elsewhere.
            var dll = await EnsureBuiltAsync(RepositoryRoot.Own(), "bench/Collab.Bench.Baseline/Collab.Bench.Baseline.csproj",
                $"bench/Collab.Bench.Baseline/bin/{Configuration}/net10.0/Collab.Bench.Baseline.dll", log, cancellation);
            var scratch = Path.Combine(Path.GetTempPath(), $"collab-bench-{target}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(scratch);
            string[] baselineArguments =
            [
                "--environment=Development", $"--urls={url}", $"--mode={target}", $"--data-directory={scratch}",
                .. target == "b2" ? storage.BaselineArguments() : [],
            ];
            return await ChildServer.StartAsync(target, dll, baselineArguments, url, "/health/live", scratch, log, cancellation);
        }

        var api = await EnsureBuiltAsync(root, "Api/Api.csproj", $"Api/bin/{Configuration}/net10.0/Api.dll", log, cancellation);
        log.WriteLine($"[collab] {api} built {File.GetLastWriteTimeUtc(api):u}");
        var data = Path.Combine(Path.GetTempPath(), $"collab-bench-data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        string[] arguments =
        [
            "--environment=Development",
            $"--urls={url}",
            $"--Collab:DataDirectory={data}",
            $"--Collab:Orleans:SiloPort={FreePorts.Next()}",
            $"--Collab:Orleans:GatewayPort={FreePorts.Next()}",
            // The load is many users from one address at rates a person never reaches: lift the per-user budgets.
            "--Collab:RateLimit:HubBurst=100000",
            "--Collab:RateLimit:HubPerSecond=100000",
            "--Collab:RateLimit:RestBurst=100000",
            "--Collab:RateLimit:RestPerSecond=100000",
            .. storage.CollabArguments(),
        ];
        return await ChildServer.StartAsync("collab", api, arguments, url, "/health/ready", data, log, cancellation);
    }

    /// <summary>The server's dll, built in Release first when it is missing (a stale one is used as it is: see its date).</summary>
    private static async Task<string> EnsureBuiltAsync(string root, string project, string output, TextWriter log, CancellationToken cancellation)
    {
        var dll = Path.Combine(root, output);
        if (File.Exists(dll))
        {
            return dll;
        }
        log.WriteLine($"building {project} ({Configuration}) ...");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = root };
        foreach (var argument in new[] { "build", "-c", Configuration, "--nologo", "-v", "q", project })
        {
            start.ArgumentList.Add(argument);
        }
        using var build = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet build");
        await build.WaitForExitAsync(cancellation);
        return build.ExitCode == 0 && File.Exists(dll) ? dll : throw new InvalidOperationException($"building {project} failed");
    }
}
