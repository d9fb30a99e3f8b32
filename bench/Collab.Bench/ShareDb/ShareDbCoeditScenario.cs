using System.Diagnostics;
using System.Text.Json;

namespace Collab.Bench.ShareDb;

/// <summary>
/// The coedit load on ShareDB (bench/sharedb): a plan is one document of the type <paramref name="rich"/> picks
/// (ot-text-unicode or rich-text), created by its first editor and subscribed to by all; every editor is its own
/// WebSocket (<see cref="ShareDbEditor"/>). After each run every editor's copy must equal the server's document: a copy
/// that differs, or that does not catch up, counts as an error.
/// </summary>
public sealed class ShareDbCoeditScenario(string url, ProcessProbe? server, TextWriter log, string label = "ShareDB", bool rich = false)
    : ICoeditScenario
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);
    private readonly List<ShareDbEditor> _editors = [];
    private readonly Uri _socketUri = new UriBuilder(url) { Scheme = "ws" }.Uri;
    private volatile CoeditMeasurement? _measurement;
    private int _plans;
    private int _editorsPerPlan;

    public async Task SetupAsync(int plans, int editors, int connectConcurrency, CancellationToken cancellation)
    {
        _plans = plans;
        _editorsPerPlan = editors;
        var started = Stopwatch.GetTimestamp();
        var planEditors = new ShareDbEditor[plans][];
        // A plan's editors connect one after another (the first creates the document), so C connections open at once.
        await Parallel.ForEachAsync(Enumerable.Range(0, plans),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, connectConcurrency / editors), CancellationToken = cancellation },
            async (plan, token) => planEditors[plan] = await JoinPlanAsync(plan, editors, token));
        _editors.AddRange(planEditors.SelectMany(plan => plan));
        log.WriteLine($"[coedit {label}] {plans} documents created, {_editors.Count} editors subscribed in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    public async Task<CoeditResult> MeasureAsync(double intervalMs, double warmupSeconds, double durationSeconds, double drainSeconds,
        CancellationToken cancellation)
    {
        var result = await CoeditLoad.MeasureAsync(_editors, _plans, _editorsPerPlan, measurement => _measurement = measurement, Errors, server, label,
            intervalMs, warmupSeconds, durationSeconds, drainSeconds, cancellation);
        var diverged = await CountDivergedAsync(cancellation);
        log.WriteLine(diverged == 0
            ? $"[coedit {label}] converged: all {_editors.Count} editors' texts equal the server's documents"
            : $"[coedit {label}] {diverged} editors' texts differ from the server's document or did not catch up");
        foreach (var error in _editors.SelectMany(editor => editor.Connection.FirstErrors).Take(5))
        {
            log.WriteLine($"[coedit {label}] error: {error}");
        }
        return result with { Errors = result.Errors + diverged };
    }

    public async ValueTask DisposeAsync()
    {
        _measurement = null;
        foreach (var editor in _editors)
        {
            await editor.Connection.DisposeAsync();
        }
    }

    private long Errors() => _editors.Sum(editor => editor.Connection.ErrorCount);

    private async Task<ShareDbEditor[]> JoinPlanAsync(int plan, int editors, CancellationToken cancellation)
    {
        var documentId = $"plan-{plan}";
        var joined = new ShareDbEditor[editors];
        for (var index = 0; index < editors; index++)
        {
            var connection = await ShareDbConnection.ConnectAsync(_socketUri, cancellation);
            var editor = new ShareDbEditor(plan, index, documentId, connection, () => _measurement);
            joined[index] = editor;
            var snapshot = (await connection.RequestAsync("s", DocumentFields(documentId), cancellation)).GetProperty("data");
            if (index == 0)
            {
                var created = await connection.RequestAsync("op", writer =>
                {
                    DocumentFields(documentId)(writer);
                    writer.WriteNumber("v", snapshot.GetProperty("v").GetInt64());
                    writer.WriteNumber("seq", 1);
                    writer.WriteStartObject("create");
                    writer.WriteString("type", Type.Uri);
                    writer.WritePropertyName("data");
                    Type.WriteEmpty(writer);
                    writer.WriteEndObject();
                }, cancellation);
                // The creation is version v; the document is at v + 1 after it.
                editor.Start(Type.Copy(null, created.GetProperty("v").GetInt64() + 1, 1));
                continue;
            }
            if (snapshot.GetProperty("type").GetString() != Type.Uri)
            {
                throw new InvalidOperationException($"{documentId} has type {snapshot.GetProperty("type")}, not {Type.Uri}");
            }
            editor.Start(Type.Copy(snapshot.GetProperty("data"), snapshot.GetProperty("v").GetInt64(), 0));
        }
        return joined;
    }

    /// <summary>
    /// Once every editor has nothing in flight, each plan's document is fetched and each editor's copy must reach its
    /// version with the same text.
    /// </summary>
    private async Task<long> CountDivergedAsync(CancellationToken cancellation)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(SettleTimeout.TotalSeconds * Stopwatch.Frequency);
        while (_editors.Any(editor => !editor.State.Idle) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50, cancellation);
        }
        long diverged = 0;
        var reported = 0;
        foreach (var plan in _editors.GroupBy(editor => editor.Plan))
        {
            var first = plan.First();
            var fetched = (await first.Connection.RequestAsync("f", DocumentFields(first.DocumentId), cancellation)).GetProperty("data");
            var version = fetched.GetProperty("v").GetInt64();
            var text = first.Describe(fetched.GetProperty("data"));
            while (plan.Any(editor => editor.State.Version < version) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50, cancellation);
            }
            foreach (var editor in plan)
            {
                var state = editor.State;
                if (state.Version == version && state.Content == text && state.Idle)
                {
                    continue;
                }
                diverged++;
                if (reported++ < 5)
                {
                    var at = FirstDifference(state.Content, text);
                    log.WriteLine($"[coedit {label}] {first.DocumentId} editor {editor.Index}: v{state.Version} (idle {state.Idle}), " +
                        $"the server v{version}; the copies ({state.Content.Length} and {text.Length} chars) differ from index {at}: " +
                        $"\"{Around(state.Content, at)}\" vs \"{Around(text, at)}\"");
                }
            }
        }
        return diverged;
    }

    private DocumentType Type { get; } = rich ? DocumentType.Of(RichTextType.Instance) : DocumentType.Of(TextUnicodeType.Instance);

    /// <summary>What setting up a plan's document needs of its OT type, chosen once per scenario.</summary>
    private sealed record DocumentType(string Uri, Action<Utf8JsonWriter> WriteEmpty, Func<JsonElement?, long, long, IShareDbCopy> Copy)
    {
        /// <summary>A copy from a snapshot's data, or empty as just created (null).</summary>
        public static DocumentType Of<TChange, TContent>(IShareDbType<TChange, TContent> type) where TChange : class => new(
            type.Uri,
            type.WriteEmpty,
            (data, version, lastSeq) => new ShareDbDocument<TChange, TContent>(type, type.Read(data ?? EmptyData(type)), version, lastSeq));

        private static JsonElement EmptyData<TChange, TContent>(IShareDbType<TChange, TContent> type) where TChange : class
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                type.WriteEmpty(writer);
            }
            return JsonDocument.Parse(buffer.ToArray()).RootElement;
        }
    }

    private static Action<Utf8JsonWriter> DocumentFields(string documentId) => writer =>
    {
        writer.WriteString("c", ShareDbEditor.Collection);
        writer.WriteString("d", documentId);
    };

    private static int FirstDifference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }
        return at;
    }

    private static string Around(string text, int at) => text[Math.Min(at, text.Length)..Math.Min(at + 20, text.Length)];
}
