using System.Diagnostics;

namespace Collab.Bench;

/// <summary>Waiting for moments of the fixed schedule, and measuring CPU over a window of it, the same in every scenario.</summary>
public static class Schedule
{
    /// <summary>Waits until a Stopwatch timestamp, rounded up: timers fire at millisecond granularity, and nothing may leave before it is due.</summary>
    public static Task DelayUntilAsync(long timestamp, CancellationToken cancellation)
    {
        var remaining = timestamp - Stopwatch.GetTimestamp();
        return remaining <= 0
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency)), cancellation);
    }

    /// <summary>Server CPU, whole-machine busy share and this process's CPU between two timestamps.</summary>
    public static async Task<(double? ServerCpu, double MachineBusy, double ClientCpu)> SampleWindowAsync(
        ProcessProbe? server, long from, long to, CancellationToken cancellation)
    {
        await DelayUntilAsync(from, cancellation);
        var serverStart = server?.CpuSeconds();
        var machineStart = MachineCpu.Sample();
        var clientStart = Process.GetCurrentProcess().TotalProcessorTime;
        await DelayUntilAsync(to, cancellation);
        var serverCpu = server?.CpuSeconds() - serverStart;
        var machineBusy = MachineCpu.BusyPercent(machineStart, MachineCpu.Sample());
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientStart).TotalSeconds;
        return (serverCpu, machineBusy, clientCpu);
    }
}
