using System.Diagnostics;
using System.Globalization;

namespace Collab.Bench;

/// <summary>
/// Starts a baseline (B0, B1, B2: one host, <c>--mode</c>; ShareDB: <c>node bench/sharedb/server.mjs</c>) or the real
/// Collab Api (embedded default: co-hosted silo, SQLite; or PostgreSQL) on free loopback ports.
/// </summary>
public static class ServerLauncher
{
    public const string Configuration = "Release";

    public static async Task<ChildServer> StartAsync(
        string target, string root, TextWriter log, CancellationToken cancellation, StorageChoice? storage = null,
        IReadOnlyList<string>? collabSettings = null)
    {
        storage ??= StorageChoice.Sqlite;
        var port = FreePorts.Next();
        var url = $"http://127.0.0.1:{port}";
        if (target == "sharedb")
        {
            var directory = Path.Combine(RepositoryRoot.Own(), "bench", "sharedb");
            await EnsureNodeModulesAsync(directory, log, cancellation);
            return await ChildServer.StartAsync("sharedb", "node", ["server.mjs", "--port", port.ToString(CultureInfo.InvariantCulture)], directory,
                url, "/ready", null, log, cancellation);
        }
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
            return await ChildServer.StartAsync(target, "dotnet", [dll, .. baselineArguments], Path.GetDirectoryName(dll)!, url, "/health/live",
                scratch, log, cancellation);
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
            "--Collab:RateLimit:AddressBurst=100000",
            "--Collab:RateLimit:AddressPerSecond=100000",
            .. storage.CollabArguments(),
            .. collabSettings ?? [],
        ];
        return await ChildServer.StartAsync("collab", "dotnet", [api, .. arguments], Path.GetDirectoryName(api)!, url, "/health/ready", data,
            log, cancellation);
    }

    /// <summary>
    /// The server's dll, built in Release first when it is missing or older than its sources (<see cref="BuildFreshness"/>);
    /// a failed build is refused rather than measuring the stale one. The web client is not built: no scenario loads it.
    /// </summary>
    private static async Task<string> EnsureBuiltAsync(string root, string project, string output, TextWriter log, CancellationToken cancellation)
    {
        var dll = Path.Combine(root, output);
        var stale = BuildFreshness.FindStale(root, project, Path.GetDirectoryName(dll)!);
        if (stale is null)
        {
            return dll;
        }
        log.WriteLine($"building {project} ({Configuration}): {stale} ...");
        var exitCode = await RunAsync(root, "dotnet", ["build", "-c", Configuration, "--nologo", "-v", "q", "-p:CollabBuildWeb=false", project], cancellation);
        if (exitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"building {project} failed (exit code {exitCode}); refusing to measure a stale or missing build");
        }
        // MSBuild recompiles what its inputs say; a file it does not compile can stay newer than the dll, which is no reason to stop.
        if (BuildFreshness.FindStale(root, project, Path.GetDirectoryName(dll)!) is { } left)
        {
            log.WriteLine($"built; still newer than its assembly, and not compiled into it: {left}");
        }
        return dll;
    }

    /// <summary>ShareDB's packages, installed exactly from the lock file when they are absent or older than it.</summary>
    private static async Task EnsureNodeModulesAsync(string directory, TextWriter log, CancellationToken cancellation)
    {
        var installed = Path.Combine(directory, "node_modules", ".package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json")))
        {
            return;
        }
        log.WriteLine($"installing {directory}'s packages (npm ci) ...");
        if (await RunAsync(directory, "npm", ["ci", "--no-audit", "--no-fund"], cancellation) != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed");
        }
    }

    private static async Task<int> RunAsync(string directory, string program, IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        await process.WaitForExitAsync(cancellation);
        return process.ExitCode;
    }
}
