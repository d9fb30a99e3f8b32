using System.Diagnostics;
using Collab.Client;

namespace Collab.Bench;

/// <summary>
/// Collective lesson preparation under load on Collab or a hub baseline (B1, B2): D plans, each co-edited by E editors
/// through the client library (<see cref="CoeditLoad"/> is the load), on plain-text sections or, when
/// <paramref name="rich"/>, rich ones (PROTOCOL §9).
/// </summary>
public sealed class CoeditScenario(string url, ProcessProbe? server, TextWriter log, string protocol = "json", string label = "", bool rich = false)
    : ICoeditScenario
{
    private const string Section = "process";
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
            var planId = await rest.CreatePlanAsync(group.Members[0].Token, group.Id, $"压测备课 #{group.Index}", rich ? "rich" : "text", cancellation);
            _editors.AddRange(group.Members.Select((member, i) => new BenchEditor(group.Index, i, planId, member, rich)));
        }
        log.WriteLine($"[coedit] created {plans} plans x {editors} editors in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        await Parallel.ForEachAsync(_editors, new ParallelOptions { MaxDegreeOfParallelism = connectConcurrency, CancellationToken = cancellation },
            async (editor, token) =>
            {
                editor.Connection = HubClients.Create(url, "/hubs/lessonprep", editor.Member.Token, protocol);
                await HubClients.StartWithRetryAsync(editor.Connection, token);
                await editor.JoinAsync(Section, seq => _measurement?.OnSent(editor, seq),
                    (clientId, seq) => _measurement?.OnApplied(editor, clientId, seq), token);
            });
        log.WriteLine($"[coedit] {_editors.Count} editors joined");
    }

    public Task<CoeditResult> MeasureAsync(double intervalMs, double warmupSeconds, double durationSeconds, double drainSeconds,
        CancellationToken cancellation) =>
        CoeditLoad.MeasureAsync(_editors, Plans, Editors, measurement => _measurement = measurement, Errors, server, label,
            intervalMs, warmupSeconds, durationSeconds, drainSeconds, cancellation);

    public async ValueTask DisposeAsync()
    {
        _measurement = null;
        foreach (var editor in _editors)
        {
            editor.Leave();
            if (editor.Connection is { } connection)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private long Errors() => _editors.Sum(editor => (long)editor.Errors);
}
