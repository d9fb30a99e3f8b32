using System.Diagnostics;
using Collab.Ot;

namespace Collab.Bench;

/// <summary>
/// The coedit workload and its measurement, the same whichever server the editors edit on: every editor inserts one
/// character every P ms at a fixed schedule (editors staggered evenly across the interval), and every peer's receipt
/// of the op carrying an edit is timed from the edit's scheduled time.
/// </summary>
public static class CoeditLoad
{
    private const int MaxTextLength = 2_000;

    // One BMP character each (the same size on every wire), different per editor: with one character for all, two
    // inserts at one place read the same in either order, and a wrong tie-break would still look converged.
    private const string Characters = "课程教学设计备案";

    /// <summary>
    /// One run at one rate: warm-up, the measured window, then a drain for the last receipts. <paramref name="attach"/>
    /// hands the scenario the measurement its callbacks report to.
    /// </summary>
    public static async Task<CoeditResult> MeasureAsync(IReadOnlyList<ICoeditEditor> editors, int plans, int editorsPerPlan,
        Action<CoeditMeasurement> attach, Func<long> errors, ProcessProbe? server, string label,
        double intervalMs, double warmupSeconds, double durationSeconds, double drainSeconds, CancellationToken cancellation)
    {
        var frequency = Stopwatch.Frequency;
        var intervalTicks = (long)(intervalMs * frequency / 1000);
        var start = Stopwatch.GetTimestamp() + frequency / 2;
        var steadyStart = start + (long)(warmupSeconds * frequency);
        var measurement = new CoeditMeasurement(steadyStart, steadyStart + (long)(durationSeconds * frequency));
        attach(measurement);
        var errorsBefore = errors();

        var machineStart = default(MachineCpu);
        double? serverStart = null;
        var clientStart = TimeSpan.Zero;
        var sampling = Task.Run(async () =>
        {
            await Schedule.DelayUntilAsync(measurement.SteadyStart, cancellation);
            machineStart = MachineCpu.Sample();
            serverStart = server?.CpuSeconds();
            clientStart = Process.GetCurrentProcess().TotalProcessorTime;
        }, cancellation);
        await Task.WhenAll(editors.Select((editor, i) =>
            TypeOnScheduleAsync(editor, measurement, start + i * intervalTicks / editors.Count, intervalTicks, cancellation)));
        await sampling;
        var machineEnd = MachineCpu.Sample();
        var machineBusy = MachineCpu.BusyPercent(machineStart, machineEnd);
        var serverCpu = server?.CpuSeconds() - serverStart;
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientStart).TotalSeconds;

        var expected = measurement.EditsDue * (editorsPerPlan - 1);
        var drainEnd = Stopwatch.GetTimestamp() + (long)(drainSeconds * frequency);
        while (Stopwatch.GetTimestamp() < drainEnd && measurement.Receipts < expected)
        {
            await Task.Delay(50, cancellation);
        }
        return new CoeditResult(plans, editorsPerPlan, intervalMs, durationSeconds, measurement.EditsDue, expected, measurement.Receipts,
            measurement.AppliedOps, errors() - errorsBefore, measurement.Delivery.Summarize(), machineBusy, serverCpu, server?.PeakRssBytes(), label, clientCpu);
    }

    /// <summary>An editor's edits, each made when due; the editor sends it at once or composes it behind the op in flight.</summary>
    private static async Task TypeOnScheduleAsync(ICoeditEditor editor, CoeditMeasurement measurement, long first, long intervalTicks,
        CancellationToken cancellation)
    {
        for (long k = 0; ; k++)
        {
            var due = first + k * intervalTicks;
            if (due >= measurement.SteadyEnd)
            {
                return;
            }
            await Schedule.DelayUntilAsync(due, cancellation);
            editor.Edit(text =>
            {
                measurement.OnEdit(editor, due);
                return SmallInsert(editor.Random, text, Characters[editor.Index % Characters.Length]);
            });
        }
    }

    /// <summary>One character typed somewhere; past <see cref="MaxTextLength"/> it replaces one, so sections stay small.</summary>
    private static TextOperation SmallInsert(Random random, string text, char character)
    {
        var length = CodePoints.Count(text);
        var position = random.Next(length + 1);
        var replaced = length >= MaxTextLength && position < length ? 1 : 0;
        var components = new List<OpComponent>();
        if (position > 0)
        {
            components.Add(OpComponent.Retain(position));
        }
        if (replaced > 0)
        {
            components.Add(OpComponent.Delete(1));
        }
        components.Add(OpComponent.Insert(character.ToString()));
        if (length - position - replaced > 0)
        {
            components.Add(OpComponent.Retain(length - position - replaced));
        }
        return TextOperation.Create(components);
    }
}
