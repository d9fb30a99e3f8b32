using System.Diagnostics;

namespace Collab.Bench;

/// <summary>
/// Command latency and the server's CPU per window of a grain's history: a command is counted in the window its
/// history size (the logged events before it) falls in, and the CPU is read at each window's boundary, so a cost that
/// grows with history shows as a rising row.
/// </summary>
public sealed class HistoryWindows(string label, int windows, int historyLimit, ProcessProbe probe)
{
    private readonly LatencyHistogram[] _latency = Enumerable.Range(0, windows).Select(_ => new LatencyHistogram()).ToArray();
    private readonly double[] _cpuAtStart = new double[windows + 1];
    private readonly int[] _commands = new int[windows];
    private readonly bool[] _started = new bool[windows + 1];
    private readonly Lock _gate = new();

    public int Errors { get; private set; }

    public int WindowOf(int history) => Math.Min(windows - 1, history * windows / historyLimit);

    /// <summary>Times one command made at <paramref name="history"/> logged events; a failed one counts as an error.</summary>
    public async Task<T?> TimeAsync<T>(int history, Func<Task<T>> command)
    {
        var window = WindowOf(history);
        lock (_gate)
        {
            if (!_started[window])
            {
                _started[window] = true;
                _cpuAtStart[window] = probe.CpuSeconds();
            }
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await command();
            var elapsed = Stopwatch.GetTimestamp() - started;
            lock (_gate)
            {
                _latency[window].RecordStopwatchTicks(elapsed);
                _commands[window]++;
            }
            return result;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            lock (_gate)
            {
                if (Errors++ < 5)
                {
                    Console.WriteLine($"[{label}] command failed: {error.Message}");
                }
            }
            return default;
        }
    }

    /// <summary>Closes the last window's CPU reading; call once every command has been answered.</summary>
    public void Finish() => _cpuAtStart[windows] = probe.CpuSeconds();

    public void Write(TextWriter output, string historyName)
    {
        output.WriteLine($"| {historyName} before the command | commands | p50 ms | p95 ms | p99 ms | max ms | server CPU ms per command |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        for (var w = 0; w < windows; w++)
        {
            var summary = _latency[w].Summarize();
            var next = Enumerable.Range(w + 1, windows - w).FirstOrDefault(i => i == windows || _started[i], windows);
            var cpu = _commands[w] == 0 ? 0 : (_cpuAtStart[next] - _cpuAtStart[w]) * 1000 / _commands[w];
            output.WriteLine($"| {w * historyLimit / windows:N0}–{(w + 1) * historyLimit / windows:N0} | {_commands[w]:N0} | {summary.P50:F2} | {summary.P95:F2} | {summary.P99:F2} | {summary.Max:F2} | {cpu:F2} |");
        }
    }
}
