using System.Diagnostics;

namespace Collab.Bench;

/// <summary>
/// A server this bench started (<c>dotnet some.dll</c> or <c>node server.mjs</c>, each of which runs the server in that
/// very process, so its pid is the one to measure). Output goes to a log file; the process is killed, by its id, when disposed or when the bench exits.
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ServerLog _log;
    private readonly string? _scratchDirectory;

    private ChildServer(Process process, ServerLog log, string url, string? scratchDirectory)
    {
        _process = process;
        _log = log;
        Url = url;
        _scratchDirectory = scratchDirectory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public string Url { get; }
    public string LogPath => _log.Path;
    public ProcessProbe Probe => new(_process.Id);

    public static async Task<ChildServer> StartAsync(
        string label, string program, IReadOnlyList<string> arguments, string workingDirectory, string url, string readyPath,
        string? scratchDirectory, TextWriter log, CancellationToken cancellation)
    {
        var serverLog = new ServerLog(Path.Combine(Path.GetTempPath(), $"collab-bench-{label}-{Environment.ProcessId}.log"));
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program} {string.Join(' ', arguments)}");
        process.OutputDataReceived += (_, line) => serverLog.Write(line.Data);
        process.ErrorDataReceived += (_, line) => serverLog.Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ChildServer(process, serverLog, url, scratchDirectory);

        var started = Stopwatch.GetTimestamp();
        try
        {
            await server.WaitUntilReadyAsync(readyPath, TimeSpan.FromSeconds(120), cancellation);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        log.WriteLine($"[{label}] pid {process.Id} ready at {url} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (log: {serverLog.Path})");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _log.Dispose();
        if (_scratchDirectory is not null && Directory.Exists(_scratchDirectory))
        {
            Directory.Delete(_scratchDirectory, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync(string readyPath, TimeSpan timeout, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode} while starting; its log:\n{_log.Tail(40)}");
            }
            try
            {
                using var response = await http.GetAsync(readyPath, cancellation);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // a probe timed out while the server was busy starting
            }
            await Task.Delay(200, cancellation);
        }
        throw new TimeoutException($"the server was not ready within {timeout.TotalSeconds} s; its log:\n{_log.Tail(40)}");
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
