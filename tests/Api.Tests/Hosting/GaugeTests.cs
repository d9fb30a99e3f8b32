using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Collab.Api.Hosting;
using Collab.Api.Tests.Exams;
using Collab.Api.Tests.Infrastructure;
using Collab.Api.Tests.Tutoring;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Api.Tests.Hosting;

/// <summary>
/// The per-process gauges (live grains by area, hub connections by hub) follow real activity: they rise as rooms open,
/// attempts start and clients connect, and fall as connections close and activations are collected.
/// </summary>
public sealed partial class GaugeTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ApiHost _host = ApiHost.OnFreshFolder();
    private Gauges _gauges = null!;

    [GeneratedRegex("""collab_commands_total\{[^}]*area="exam-attempts"[^}]*command="SaveAnswer"[^}]*\} [1-9]""")]
    private static partial Regex AnswersSavedPattern();

    public async Task InitializeAsync()
    {
        await _host.StartAsync();
        _gauges = new Gauges(_host.Services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _gauges.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Rooms_attempts_and_connections_are_counted_while_in_use_and_released_after()
    {
        Assert.Equal(0, _gauges.Read("collab.live.activations", "area", "tutoring"));
        Assert.Equal(0, _gauges.Read(HubConnectionGauge.Name, "hub", "TutoringHub"));

        var tutoring = new TutoringScenario(_host);
        var (roomId, tutor) = await tutoring.OpenRoomAsync(tutoring.Tutor());
        var (student, _) = await TutoringScenario.QueueAsync(tutoring.Student(), roomId, "一元一次方程");

        var exams = new ExamScenario(_host);
        var candidates = new[] { exams.Student(), exams.Student() };
        var examId = await exams.PublishedAsync(exams.Teacher(), ExamScenario.Spec(candidates, DateTimeOffset.UtcNow.AddSeconds(-1)));
        var examClients = new List<LiveClient>();
        foreach (var candidate in candidates)
        {
            var client = await candidate.ConnectAsync(ExamScenario.Hub);
            examClients.Add(client);
            await client.InvokeAsync("StartAttempt", examId);
            await client.InvokeAsync("SaveAnswer", examId, ExamScenario.Answer("tab", 1, "q1", "b"));
        }

        Assert.Equal(1, _gauges.Read("collab.live.activations", "area", "tutoring"));
        Assert.Equal(2, _gauges.Read("collab.live.activations", "area", "exam-attempts"));
        Assert.Equal(1, _gauges.Read("collab.live.activations", "area", "exams"));
        Assert.Equal(2, _gauges.Read(HubConnectionGauge.Name, "hub", "TutoringHub"));
        Assert.Equal(2, _gauges.Read(HubConnectionGauge.Name, "hub", "ExamHub"));

        // The same figures reach the Prometheus endpoint, with the answers saved among the commands.
        using (var http = new HttpClient { BaseAddress = _host.BaseAddress })
        {
            var body = await http.GetStringAsync("/metrics");
            Assert.Matches("""collab_live_activations\{[^}]*area="exam-attempts"[^}]*\} [1-9]""", body);
            Assert.Matches("""collab_hub_connections\{[^}]*hub="ExamHub"[^}]*\} [1-9]""", body);
            Assert.Matches(AnswersSavedPattern(), body);
        }

        await tutor.DisposeAsync();
        await student.DisposeAsync();
        foreach (var client in examClients)
        {
            await client.DisposeAsync();
        }
        await _gauges.WaitUntilAsync(() => _gauges.Read(HubConnectionGauge.Name, "hub", "TutoringHub") == 0
            && _gauges.Read(HubConnectionGauge.Name, "hub", "ExamHub") == 0, "the closed connections to leave the gauge");

        var management = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await _gauges.WaitUntilAsync(async () =>
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            return _gauges.Read("collab.live.activations", "area", "tutoring") == 0;
        }, "the idle tutoring room's activation to be collected");
    }

    /// <summary>Reads this host's gauges only (its meters come from its own <see cref="IMeterFactory"/>).</summary>
    private sealed class Gauges : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _last = new();

        public Gauges(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == "Collab")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    _last[Key(instrument.Name, tag.Key, tag.Value as string)] = value;
                }
            });
            _listener.Start();
        }

        /// <summary>The gauge's value for one tag now; 0 when nothing was ever counted under it.</summary>
        public long Read(string instrument, string tag, string value)
        {
            _last.Clear();
            _listener.RecordObservableInstruments();
            return _last.GetValueOrDefault(Key(instrument, tag, value));
        }

        public Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

        public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (!await condition())
            {
                Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
                await Task.Delay(100);
            }
        }

        public void Dispose() => _listener.Dispose();

        private static string Key(string instrument, string tag, string? value) => $"{instrument}|{tag}={value}";
    }
}
