using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Collab.Bench.ShareDb;

/// <summary>
/// One client's WebSocket to a ShareDB server, speaking ShareDB's JSON protocol (one JSON message per text frame):
/// the handshake, one request awaiting its reply at a time (subscribe, fetch, the document's creation), and ops sent
/// without waiting. Every other <c>op</c> message (acknowledgements and other clients' ops) goes to <see cref="OpReceived"/>
/// on the receive loop, one at a time, in the order the server sent them.
/// </summary>
public sealed class ShareDbConnection : IAsyncDisposable
{
    private const int ErrorsKept = 5;
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private TaskCompletionSource<JsonElement>? _reply;
    private string? _replyAction;
    private long _errorCount;
    private Task _receiving = Task.CompletedTask;
    private Task _sending = Task.CompletedTask;

    private ShareDbConnection()
    {
    }

    /// <summary>The agent id the server gave this connection: the <c>src</c> of the ops it submits.</summary>
    public string Id { get; private set; } = "";

    /// <summary>Called on the receive loop for every <c>op</c> message that is not the reply to a request.</summary>
    public Action<JsonElement>? OpReceived { get; set; }

    /// <summary>Error replies, protocol faults and an unexpected close, counted; the first few are kept for the log.</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    public IEnumerable<string> FirstErrors => _errors;

    public static async Task<ShareDbConnection> ConnectAsync(Uri uri, CancellationToken cancellation)
    {
        var connection = new ShareDbConnection();
        try
        {
            await connection._socket.ConnectAsync(uri, cancellation);
            connection._receiving = connection.ReceiveAsync();
            connection._sending = connection.SendAsync();
            // Protocol 1.2, as ShareDB 7's own client announces.
            var handshake = await connection.RequestAsync("hs", writer =>
            {
                writer.WriteNull("id");
                writer.WriteNumber("protocol", 1);
                writer.WriteNumber("protocolMinor", 2);
            }, cancellation);
            connection.Id = handshake.GetProperty("id").GetString() ?? throw new InvalidOperationException("the handshake reply has no id");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <c>{"a": action, …}</c> and waits for the server's reply with the same action; an error reply throws.</summary>
    public async Task<JsonElement> RequestAsync(string action, Action<Utf8JsonWriter> fields, CancellationToken cancellation)
    {
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_outbox)
        {
            if (_reply is not null)
            {
                throw new InvalidOperationException($"a '{_replyAction}' request is still waiting for its reply");
            }
            _reply = reply;
            _replyAction = action;
        }
        Send(action, fields);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellation);
    }

    /// <summary>Queues <c>{"a": action, …}</c>; messages leave in the order they were queued.</summary>
    public void Send(string action, Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("a", action);
            fields(writer);
            writer.WriteEndObject();
        }
        _outbox.Writer.TryWrite(buffer.WrittenSpan.ToArray());
    }

    public void RecordError(string error)
    {
        if (Interlocked.Increment(ref _errorCount) <= ErrorsKept)
        {
            _errors.Enqueue(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _outbox.Writer.TryComplete();
        _socket.Abort();
        try
        {
            await Task.WhenAll(_receiving, _sending);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the socket was aborted under them: how they end
        }
        _socket.Dispose();
        _closing.Dispose();
    }

    private async Task SendAsync()
    {
        await foreach (var message in _outbox.Reader.ReadAllAsync(_closing.Token))
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    RecordError($"the server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription})");
                    FailRequest(new WebSocketException("the server closed the connection"));
                    return;
                }
                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                using (var message = JsonDocument.Parse(buffer.WrittenMemory))
                {
                    Dispatch(message.RootElement);
                }
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception error) when (!_closing.IsCancellationRequested && error is WebSocketException or JsonException)
        {
            RecordError($"receive failed: {error.Message}");
            FailRequest(error);
        }
    }

    private void Dispatch(JsonElement message)
    {
        var action = message.TryGetProperty("a", out var a) ? a.GetString() : null;
        TaskCompletionSource<JsonElement>? reply = null;
        lock (_outbox)
        {
            // The creation's acknowledgement is the only op message awaited: nobody else edits the document until it exists.
            if (_reply is not null && action == _replyAction && (action != "op" || !message.TryGetProperty("op", out _)))
            {
                reply = _reply;
                _reply = null;
                _replyAction = null;
            }
        }
        if (message.TryGetProperty("error", out var error))
        {
            var text = $"error reply to '{action}': {error.GetRawText()}";
            RecordError(text);
            reply?.TrySetException(new InvalidOperationException(text));
            return;
        }
        if (reply is not null)
        {
            reply.TrySetResult(message.Clone());
            return;
        }
        if (action == "op")
        {
            try
            {
                OpReceived?.Invoke(message);
            }
            catch (Exception fault) when (fault is InvalidOperationException or Collab.Ot.OtException or KeyNotFoundException or FormatException)
            {
                RecordError($"op {message.GetRawText()}: {fault.Message}");
            }
        }
    }

    private void FailRequest(Exception error)
    {
        TaskCompletionSource<JsonElement>? reply;
        lock (_outbox)
        {
            reply = _reply;
            _reply = null;
        }
        reply?.TrySetException(error);
    }
}
