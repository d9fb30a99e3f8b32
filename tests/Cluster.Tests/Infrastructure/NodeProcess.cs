using System.Diagnostics;
using Collab.TestSupport;

namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>
/// A built host (<c>Api.dll</c> or <c>Silo.dll</c>) running as a real child process on free loopback ports, its output
/// in a log file. Disposing kills the process tree.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    public const string SigningKey = "LPV8F3kXsDHGUt+2+Gmg7BUF5Qwu+M43IPOssdQMlL9X";
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    private NodeProcess(string name, string folder, int? httpPort, int siloPort, int gatewayPort, Process process, StreamWriter log)
    {
        Name = name;
        Folder = folder;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        BaseAddress = httpPort is null ? null : new Uri($"http://127.0.0.1:{httpPort}");
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public string Folder { get; }

    public Uri? BaseAddress { get; }

    /// <summary>The silo port the node would use; a <c>client</c> Api has no silo.</summary>
    public int SiloPort { get; }

    public int GatewayPort { get; }

    public string LogPath => Path.Combine(Folder, "node.log");

    /// <summary>
    /// The Configuration (Debug or Release) these tests were built in, read from their own path
    /// (<c>.../bin/&lt;Configuration&gt;/net10.0/</c>).
    /// </summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string AssemblyPath(string project) =>
        Path.Combine(RepositoryPaths.Root, project, "bin", Configuration, "net10.0", project + ".dll");

    /// <summary>Starts <c>Api.dll</c> on PostgreSQL storage and clustering; <paramref name="role"/> is cohosted or client.</summary>
    public static NodeProcess StartApi(string name, string root, string connectionString, string role, int? httpPort = null) =>
        Start("Api", name, root, connectionString, httpPort ?? FreePorts.Next(),
        [
            $"--Collab:Role={role}",
            $"--Collab:Auth:SigningKey={SigningKey}",
            // The tests post 100 messages as fast as the cluster answers: delivery, not rate limiting, is under test.
            "--Collab:RateLimit:HubBurst=1000",
            "--Collab:RateLimit:HubPerSecond=1000",
        ]);

    /// <summary>Starts the headless <c>Silo.dll</c> on PostgreSQL storage and clustering.</summary>
    public static NodeProcess StartSilo(string name, string root, string connectionString, params string[] settings) =>
        Start("Silo", name, root, connectionString, httpPort: null, settings);

    private static NodeProcess Start(string project, string name, string root, string connectionString, int? httpPort, string[] extra)
    {
        var dll = AssemblyPath(project);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{project}.dll is not built at {dll}", dll);
        }
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in (string[])
        [
            "--Collab:Storage=postgres",
            "--Collab:Clustering=postgres",
            $"--ConnectionStrings:Postgres={connectionString}",
            $"--Collab:Orleans:SiloPort={siloPort}",
            $"--Collab:Orleans:GatewayPort={gatewayPort}",
            $"--Collab:DataDirectory={Path.Combine(folder, "data")}",
            .. extra,
        ])
        {
            start.ArgumentList.Add(argument);
        }
        if (httpPort is not null)
        {
            start.ArgumentList.Add($"--urls=http://127.0.0.1:{httpPort}");
        }
        // The console logger stays plain text so the log file is readable.
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        // The Api in Development whatever the runner's own environment says: the tests sign in through the development
        // issuer, which no other environment starts with. The headless silo reads DOTNET_ENVIRONMENT only and stays as it is.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var log = new StreamWriter(new FileStream(Path.Combine(folder, "node.log"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            AutoFlush = true,
        };
        log.WriteLine($"$ {start.FileName} {string.Join(' ', start.ArgumentList)}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(name, folder, httpPort, siloPort, gatewayPort, process, log);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until <c>GET /health/ready</c> answers 200 "Healthy" (cluster and database answer).</summary>
    public async Task WaitReadyAsync()
    {
        if (BaseAddress is null)
        {
            throw new InvalidOperationException($"{Name} has no HTTP endpoint");
        }
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        string last = "no answer yet";
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                var body = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {body}";
                return response.IsSuccessStatusCode && body == "Healthy";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = exception.Message;
                return false;
            }
        }, () => $"/health/ready: {last}");
    }

    /// <summary>Polls <paramref name="condition"/> every 250 ms until it holds; fails early if the process exits.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> describe)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new NodeFailureException($"{Name} exited with code {_process.ExitCode} before it was ready\n{LogTail()}");
            }
            if (await condition())
            {
                return;
            }
            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new NodeFailureException($"{Name} not ready within {ReadyTimeout} ({describe()})\n{LogTail()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>
    /// Sends SIGTERM, as an orchestrator stopping a container does, and waits for the process to exit on its own;
    /// returns its exit code.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
            if (signal.ExitCode != 0)
            {
                throw new NodeFailureException($"kill -TERM {_process.Id} failed with {signal.ExitCode}");
            }
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new NodeFailureException($"{Name} did not exit within {timeout} of SIGTERM\n{LogTail()}");
        }
        return _process.ExitCode;
    }

    public string LogTail(int lines = 60)
    {
        string[] all;
        lock (_logLock)
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            all = new StreamReader(stream).ReadToEnd().Split('\n');
        }
        return $"--- last {Math.Min(lines, all.Length)} lines of {Name} ({LogPath}) ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
        }
        finally
        {
            lock (_logLock)
            {
                _log.Dispose();
            }
            _process.Dispose();
        }
    }
}

public sealed class NodeFailureException(string message, Exception? inner = null) : Exception(message, inner);
