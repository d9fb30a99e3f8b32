using System.Text.Json;
using Collab.Grains.LessonPreps.Text;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.TestSupport;

/// <summary>
/// The OT client state machine for one section of a plan, over a real hub connection: at most one op in flight, later
/// local edits composed into a buffer, and every <c>op.applied</c> processed in revision order — someone else's op is
/// transformed against what is pending here (server op first, as the server orders inserts), one's own is the
/// acknowledgement that sends the buffer.
/// </summary>
public sealed class OtSectionClient
{
    private readonly object _gate = new();
    private readonly HubConnection _connection;
    private readonly string _planId;
    private readonly string _section;
    private readonly string _clientId;
    private readonly SortedDictionary<long, JsonElement> _early = [];
    private long _clientSeq;
    private TextOperation? _inFlight;
    private long _inFlightSeq;
    private TextOperation? _buffer;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OtSectionClient(HubConnection connection, string planId, string section, string clientId, long revision, string text)
    {
        _connection = connection;
        _planId = planId;
        _section = section;
        _clientId = clientId;
        Revision = revision;
        Text = text;
        connection.On<JsonElement>("Event", OnEvent);
    }

    public long Revision { get; private set; }

    public string Text { get; private set; }

    public List<Exception> Errors { get; } = [];

    public bool Idle
    {
        get
        {
            lock (_gate)
            {
                return _inFlight is null && _buffer is null;
            }
        }
    }

    /// <summary>
    /// Makes an edit of the text as it is at this moment (server ops may be arriving meanwhile), applies it locally at
    /// once, and sends it when nothing else of this client is in flight.
    /// </summary>
    public void Edit(Func<string, TextOperation> edit)
    {
        lock (_gate)
        {
            var operation = edit(Text);
            Text = operation.Apply(Text);
            if (_inFlight is null)
            {
                SendLocked(operation);
            }
            else
            {
                _buffer = _buffer is null ? operation : TextOperation.Compose(_buffer, operation);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds after some processed event, or the timeout passes.</summary>
    public async Task WaitUntilAsync(Func<OtSectionClient, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(this))
                {
                    return;
                }
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancel.Token);
        }
    }

    private void OnEvent(JsonElement envelope)
    {
        if (envelope.GetProperty("type").GetString() != "op.applied")
        {
            return;
        }
        var data = envelope.GetProperty("data").Clone();
        lock (_gate)
        {
            _early[data.GetProperty("revision").GetInt64()] = data;
            while (_early.Remove(Revision + 1, out var next))
            {
                Process(next);
            }
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private void Process(JsonElement data)
    {
        Revision = data.GetProperty("revision").GetInt64();
        if (data.GetProperty("clientId").GetString() == _clientId && data.GetProperty("clientSeq").GetInt64() == _inFlightSeq && _inFlight is not null)
        {
            _inFlight = null;
            if (_buffer is not null)
            {
                var next = _buffer;
                _buffer = null;
                SendLocked(next);
            }
            return;
        }
        if (data.GetProperty("section").GetString() != _section)
        {
            return;
        }
        var server = TextOperation.Parse(data.GetProperty("ops"));
        if (_inFlight is not null)
        {
            (server, _inFlight) = TextOperation.Transform(server, _inFlight);
        }
        if (_buffer is not null)
        {
            (server, _buffer) = TextOperation.Transform(server, _buffer);
        }
        Text = server.Apply(Text);
    }

    private void SendLocked(TextOperation operation)
    {
        _inFlight = operation;
        _inFlightSeq = ++_clientSeq;
        var request = new { clientId = _clientId, clientSeq = _inFlightSeq, section = _section, baseRevision = Revision, ops = operation.ToWire() };
        _ = SendAsync(request);
    }

    private async Task SendAsync(object request)
    {
        try
        {
            await _connection.InvokeCoreAsync<JsonElement>("SubmitOp", [_planId, request]);
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
