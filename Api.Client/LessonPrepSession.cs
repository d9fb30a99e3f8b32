using System.Text.Json;
using Collab.Ot;
using Collab.Ot.Rich;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Client;

/// <summary>
/// One client's editing of one section of a plan over a hub connection to <c>/hubs/lessonprep</c>: joins, feeds the
/// plan's events to a <see cref="SectionEditor{TChange,TContent}"/> in <c>seq</c> order (a gap is closed with <c>Sync</c>), sends what the
/// editor says to send, and after a failed <c>SubmitOp</c> (a silo lost, storage away) or a reconnect syncs and resends
/// the op in flight with its <c>clientSeq</c> until it is acknowledged. Thread-safe; it does not own the connection.
/// </summary>
public class LessonPrepSession<TChange, TContent> : IDisposable where TChange : class
{
    private readonly ISectionFormat<TChange, TContent> _format;
    private readonly Lock _gate = new();
    private readonly HubConnection _connection;
    private readonly IDisposable _subscription;
    private readonly SortedDictionary<long, JsonElement> _early = [];
    private readonly TimeSpan _retryDelay;
    private SectionEditor<TChange, TContent>? _editor;
    private long _seq;
    private bool _syncing;
    private bool _recovering;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected LessonPrepSession(ISectionFormat<TChange, TContent> format, HubConnection connection, string planId, TimeSpan? retryDelay)
    {
        _format = format;
        _connection = connection;
        PlanId = planId;
        _retryDelay = retryDelay ?? TimeSpan.FromMilliseconds(500);
        _subscription = connection.On<JsonElement>("Event", OnEvent);
        connection.Reconnected += OnReconnectedAsync;
    }

    public string PlanId { get; }

    /// <summary>Called, outside the session's lock, for every <c>op.applied</c> once processed (for latency measurement).</summary>
    public Action<OpApplied<TChange>>? Applied { get; set; }

    /// <summary>
    /// Called under the session's lock when a new op goes out (not for resends): it carries every edit made since the
    /// previous one, which lets a caller tell which op holds an edit. Keep it short.
    /// </summary>
    public Action<OutgoingOp<TChange>>? Sent { get; set; }

    /// <summary>Failed calls, kept for inspection; the session recovers from them by itself.</summary>
    public List<Exception> Errors { get; } = [];

    public long Revision => Read(e => e.Revision);

    public TContent Content => Read(e => e.Content);

    public bool Idle => Read(e => e.Idle);

    /// <summary>
    /// Joins the plan on an open connection and starts <paramref name="session"/> editing <paramref name="section"/>; a
    /// client that edited under <paramref name="clientId"/> before passes the last <c>clientSeq</c> it used.
    /// </summary>
    protected static async Task<TSession> JoinAsync<TSession>(TSession session, HubConnection connection, string planId, string section,
        string clientId, long lastClientSeq, CancellationToken cancellationToken)
        where TSession : LessonPrepSession<TChange, TContent>
    {
        try
        {
            var joined = await connection.InvokeAsync<JsonElement>("Join", planId, cancellationToken);
            session.Start(joined.GetProperty("seq").GetInt64(), joined.GetProperty("snapshot"), section, clientId, lastClientSeq);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes an edit of the text as it is at this moment (<paramref name="edit"/> runs under the session's lock, so no event
    /// changes the text meanwhile), applies it locally at once and sends it when it may.
    /// </summary>
    public void Edit(Func<TContent, TChange> edit)
    {
        OutgoingOp<TChange>? send;
        lock (_gate)
        {
            var editor = Editor;
            send = editor.Edit(edit(editor.Content));
            Announce(send);
        }
        Send(send);
    }

    /// <summary>Waits until <paramref name="condition"/> holds after some processed event, or the timeout passes.</summary>
    public async Task WaitUntilAsync(Func<LessonPrepSession<TChange, TContent>, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }
            if (condition(this))
            {
                return;
            }
            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{ClientIdOrPlan} did not reach the condition within {timeout}: revision {Revision}, idle {Idle}");
            }
        }
    }

    /// <summary>Catches up with <c>Sync</c> and sends the op in flight again; what the session does by itself after a failed call.</summary>
    public async Task RecoverAsync()
    {
        await SyncAsync();
        OutgoingOp<TChange>? resend;
        lock (_gate)
        {
            resend = Editor.Resend();
        }
        if (resend is not null)
        {
            await SubmitAsync(resend);
        }
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _connection.Reconnected -= OnReconnectedAsync;
        _subscription.Dispose();
    }

    /// <summary>A reconnected connection (automatic reconnect) belongs to no stream: join again, catch up, resend.</summary>
    private async Task OnReconnectedAsync(string? connectionId)
    {
        try
        {
            await _connection.InvokeAsync<JsonElement>("Join", PlanId);
            await RecoverAsync();
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                Errors.Add(error);
            }
        }
    }

    private string ClientIdOrPlan => _editor?.ClientId ?? PlanId;

    private SectionEditor<TChange, TContent> Editor => _editor ?? throw new InvalidOperationException("the session has not joined yet");

    private T Read<T>(Func<SectionEditor<TChange, TContent>, T> read)
    {
        lock (_gate)
        {
            return read(Editor);
        }
    }

    private void Start(long seq, JsonElement snapshot, string section, string clientId, long lastClientSeq)
    {
        var content = _format.Content(snapshot.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == section));
        List<OpApplied<TChange>> applied;
        lock (_gate)
        {
            _editor = new SectionEditor<TChange, TContent>(_format, snapshot.GetProperty("you").GetString()!, clientId, section,
                snapshot.GetProperty("revision").GetInt64(), content, lastClientSeq);
            _seq = seq;
            applied = DrainLocked(out _);
        }
        Notify(applied);
    }

    private void OnEvent(JsonElement envelope)
    {
        if (envelope.GetProperty("stream").GetString() != $"lessonprep/{PlanId}")
        {
            return;
        }
        var seq = envelope.GetProperty("seq").GetInt64();
        if (seq == 0)
        {
            return;
        }
        List<OpApplied<TChange>> applied;
        OutgoingOp<TChange>? send;
        bool gap;
        lock (_gate)
        {
            _early[seq] = envelope.Clone();
            if (_editor is null)
            {
                return;
            }
            applied = DrainLocked(out send);
            gap = _early.Count > 0 && !_syncing;
        }
        Send(send);
        Notify(applied);
        if (gap)
        {
            _ = SyncAsync();
        }
    }

    /// <summary>Feeds the events that follow <see cref="_seq"/> without a gap to the editor.</summary>
    private List<OpApplied<TChange>> DrainLocked(out OutgoingOp<TChange>? send)
    {
        send = null;
        var applied = new List<OpApplied<TChange>>();
        foreach (var old in _early.Keys.Where(s => s <= _seq).ToList())
        {
            _early.Remove(old);
        }
        while (_early.Remove(_seq + 1, out var envelope))
        {
            _seq++;
            // Another section's change in the other format (a rich section's delta, a text section's ops) is not this
            // editor's to transform against: ops in different sections never conflict.
            if (envelope.GetProperty("type").GetString() == "op.applied" && envelope.GetProperty("data").TryGetProperty(_format.Field, out _))
            {
                var op = OpApplied<TChange>.FromJson(envelope.GetProperty("data"), _format);
                if (Editor.Receive(op) is { } next)
                {
                    Announce(next);
                    send = next;
                }
                applied.Add(op);
            }
        }
        return applied;
    }

    private async Task SyncAsync()
    {
        long since;
        lock (_gate)
        {
            if (_syncing)
            {
                return;
            }
            _syncing = true;
            since = _seq;
        }
        try
        {
            var result = await _connection.InvokeAsync<JsonElement>("Sync", PlanId, since);
            if (result.TryGetProperty("snapshot", out var snapshot) && snapshot.ValueKind == JsonValueKind.Object)
            {
                throw new InvalidOperationException($"{ClientIdOrPlan} fell behind the retained events of {PlanId}; join again");
            }
            foreach (var envelope in result.GetProperty("events").EnumerateArray())
            {
                OnEvent(envelope);
            }
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                Errors.Add(error);
            }
        }
        finally
        {
            lock (_gate)
            {
                _syncing = false;
            }
        }
    }

    private void Announce(OutgoingOp<TChange>? op)
    {
        if (op is not null)
        {
            Sent?.Invoke(op);
        }
    }

    private void Send(OutgoingOp<TChange>? op)
    {
        if (op is not null)
        {
            _ = SubmitAsync(op);
        }
    }

    private async Task SubmitAsync(OutgoingOp<TChange> op)
    {
        try
        {
            var accepted = await _connection.InvokeCoreAsync<JsonElement>("SubmitOp", [PlanId, op.ToRequest(_format)]);
            // The event normally follows at once; if this node stopped hearing the plan (its silo died), Sync instead.
            if (accepted.GetProperty("revision").GetInt64() > Revision)
            {
                await Task.Delay(_retryDelay);
                if (accepted.GetProperty("revision").GetInt64() > Revision)
                {
                    await SyncAsync();
                }
            }
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                Errors.Add(error);
                if (_recovering)
                {
                    return;
                }
                _recovering = true;
            }
            await RetryAsync();
        }
    }

    /// <summary>Resends the op in flight, one attempt at a time, until it is acknowledged or the connection closes.</summary>
    private async Task RetryAsync()
    {
        try
        {
            while (_connection.State != HubConnectionState.Disconnected)
            {
                await Task.Delay(_retryDelay);
                await SyncAsync();
                OutgoingOp<TChange>? resend;
                lock (_gate)
                {
                    resend = Editor.Resend();
                }
                if (resend is null)
                {
                    return;
                }
                try
                {
                    await _connection.InvokeCoreAsync<JsonElement>("SubmitOp", [PlanId, resend.ToRequest(_format)]);
                    await SyncAsync();
                    return;
                }
                catch (Exception error)
                {
                    lock (_gate)
                    {
                        Errors.Add(error);
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _recovering = false;
            }
        }
    }

    private void Notify(List<OpApplied<TChange>> applied)
    {
        lock (_gate)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (Applied is { } callback)
        {
            foreach (var op in applied)
            {
                callback(op);
            }
        }
    }
}

/// <summary>Editing a plain-text section of a plan (PROTOCOL §2).</summary>
public sealed class LessonPrepSession : LessonPrepSession<TextOperation, string>
{
    private LessonPrepSession(HubConnection connection, string planId, TimeSpan? retryDelay)
        : base(TextSectionFormat.Instance, connection, planId, retryDelay)
    {
    }

    public string Text => Content;

    /// <inheritdoc cref="LessonPrepSession{TChange,TContent}.JoinAsync{TSession}"/>
    public static Task<LessonPrepSession> JoinAsync(HubConnection connection, string planId, string section, string clientId,
        long lastClientSeq = 0, TimeSpan? retryDelay = null, CancellationToken cancellationToken = default) =>
        JoinAsync(new LessonPrepSession(connection, planId, retryDelay), connection, planId, section, clientId, lastClientSeq, cancellationToken);
}

/// <summary>Editing a rich section of a plan (PROTOCOL §9): Quill Delta changes of a Delta document.</summary>
public sealed class RichLessonPrepSession : LessonPrepSession<Delta, Delta>
{
    private RichLessonPrepSession(HubConnection connection, string planId, TimeSpan? retryDelay)
        : base(RichSectionFormat.Instance, connection, planId, retryDelay)
    {
    }

    /// <inheritdoc cref="LessonPrepSession{TChange,TContent}.JoinAsync{TSession}"/>
    public static Task<RichLessonPrepSession> JoinAsync(HubConnection connection, string planId, string section, string clientId,
        long lastClientSeq = 0, TimeSpan? retryDelay = null, CancellationToken cancellationToken = default) =>
        JoinAsync(new RichLessonPrepSession(connection, planId, retryDelay), connection, planId, section, clientId, lastClientSeq, cancellationToken);
}
