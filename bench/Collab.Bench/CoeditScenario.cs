using System.Diagnostics;
using Collab.Client;
using Collab.Ot;

namespace Collab.Bench;

/// <summary>
/// Collective lesson preparation under load: D plans, each co-edited by E editors through the client library; every
/// editor inserts one character every P ms at a fixed schedule (editors staggered evenly across the interval), and
/// every peer's receipt of the op carrying an edit is timed from the edit's scheduled time.
/// </summary>
public sealed class CoeditScenario(string url, ProcessProbe? server, TextWriter log, string protocol = "json", string label = "") : IAsyncDisposable
{
    private const string Section = "process";
    private const int MaxTextLength = 2_000;
    private readonly List<BenchEditor> _editors = [];
    private volatile CoeditMeasurement? _measurement;

    public int Plans { get; private set; }

    public int Editors { get; private set; }

    /// <summary>Creates the groups and plans through REST, then connects, joins and starts a session per editor.</summary>
    public async Task SetupAsync(int plans, int editors, int connectConcurrency, CancellationToken cancellation)
    {
        Plans = plans;
        Editors = editors;
        var started = Stopwatch.GetTimestamp();
        var groups = await GroupsSetup.CreateAsync(plans, editors, url, cancellation);
        using var rest = new SetupClient(url);
        foreach (var group in groups)
        {
            var planId = await rest.CreatePlanAsync(group.Members[0].Token, group.Id, $"压测备课 #{group.Index}", cancellation);
            _editors.AddRange(group.Members.Select((member, i) => new BenchEditor(group.Index, i, planId, member)));
        }
        log.WriteLine($"[coedit] created {plans} plans x {editors} editors in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        await Parallel.ForEachAsync(_editors, new ParallelOptions { MaxDegreeOfParallelism = connectConcurrency, CancellationToken = cancellation },
            async (editor, token) =>
            {
                editor.Connection = HubClients.Create(url, "/hubs/lessonprep", editor.Member.Token, protocol);
                await HubClients.StartWithRetryAsync(editor.Connection, token);
                var session = await LessonPrepSession.JoinAsync(editor.Connection, editor.PlanId, Section, editor.ClientId, cancellationToken: token);
                session.Sent = op => _measurement?.OnSent(editor, op);
                session.Applied = op => _measurement?.OnApplied(editor, op);
                editor.Session = session;
            });
        log.WriteLine($"[coedit] {_editors.Count} editors joined");
    }

    /// <summary>One run at one rate: warm-up, the measured window, then a drain for the last receipts.</summary>
    public async Task<CoeditResult> MeasureAsync(double intervalMs, double warmupSeconds, double durationSeconds, double drainSeconds,
        CancellationToken cancellation)
    {
        var frequency = Stopwatch.Frequency;
        var intervalTicks = (long)(intervalMs * frequency / 1000);
        var start = Stopwatch.GetTimestamp() + frequency / 2;
        var steadyStart = start + (long)(warmupSeconds * frequency);
        var measurement = new CoeditMeasurement(steadyStart, steadyStart + (long)(durationSeconds * frequency));
        _measurement = measurement;
        var errorsBefore = Errors();

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
        await Task.WhenAll(_editors.Select((editor, i) =>
            TypeOnScheduleAsync(editor, measurement, start + i * intervalTicks / _editors.Count, intervalTicks, cancellation)));
        await sampling;
        var machineEnd = MachineCpu.Sample();
        var machineBusy = MachineCpu.BusyPercent(machineStart, machineEnd);
        var serverCpu = server?.CpuSeconds() - serverStart;
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientStart).TotalSeconds;

        var expected = measurement.EditsDue * (Editors - 1);
        var drainEnd = Stopwatch.GetTimestamp() + (long)(drainSeconds * frequency);
        while (Stopwatch.GetTimestamp() < drainEnd && measurement.Receipts < expected)
        {
            await Task.Delay(50, cancellation);
        }
        return new CoeditResult(Plans, Editors, intervalMs, durationSeconds, measurement.EditsDue, expected, measurement.Receipts,
            measurement.AppliedOps, Errors() - errorsBefore, measurement.Delivery.Summarize(), machineBusy, serverCpu, server?.PeakRssBytes(), label, clientCpu);
    }

    public async ValueTask DisposeAsync()
    {
        _measurement = null;
        foreach (var editor in _editors)
        {
            editor.Session?.Dispose();
            if (editor.Connection is { } connection)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private long Errors() => _editors.Sum(editor => editor.Session is { } session ? (long)session.Errors.Count : 0);

    /// <summary>An editor's edits, each made when due; the session sends it at once or composes it behind the op in flight.</summary>
    private static async Task TypeOnScheduleAsync(BenchEditor editor, CoeditMeasurement measurement, long first, long intervalTicks,
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
            editor.Session!.Edit(text =>
            {
                measurement.OnEdit(editor, due);
                return SmallInsert(editor.Random, text);
            });
        }
    }

    /// <summary>One character typed somewhere; past <see cref="MaxTextLength"/> it replaces one, so sections stay small.</summary>
    private static TextOperation SmallInsert(Random random, string text)
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
        components.Add(OpComponent.Insert("课"));
        if (length - position - replaced > 0)
        {
            components.Add(OpComponent.Retain(length - position - replaced));
        }
        return TextOperation.Create(components);
    }

}
