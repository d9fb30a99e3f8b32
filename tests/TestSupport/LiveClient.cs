using Xunit;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.TestSupport;

/// <summary>A real SignalR connection that records every <c>Event</c> it receives, so tests wait on events, not on time.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    private readonly List<JsonElement> _events = [];
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>();

    public LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("Event", envelope =>
        {
            lock (_events)
            {
                _events.Add(envelope.Clone());
            }
            _arrivals.Writer.TryWrite(true);
        });
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public IReadOnlyList<JsonElement> EventsOfType(string type) =>
        Events.Where(e => e.GetProperty("type").GetString() == type).ToList();

    /// <summary>Waits until an event matching <paramref name="match"/> has arrived, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            var found = Events.FirstOrDefault(e => match(e));
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }
            try
            {
                await _arrivals.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching event within {timeout ?? DefaultWait}; received: {string.Join(", ", Events.Select(e => e.GetProperty("type").GetString()))}");
            }
        }
    }

    public Task<JsonElement> WaitForTypeAsync(string type, Func<JsonElement, bool>? match = null) =>
        WaitForAsync(e => e.GetProperty("type").GetString() == type && (match is null || match(e.GetProperty("data"))));

    /// <summary>Waits until <paramref name="count"/> events of a type have arrived.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForCountAsync(string type, int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultWait);
        while (EventsOfType(type).Count < count)
        {
            try
            {
                await _arrivals.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{EventsOfType(type).Count} of {count} {type} events within {timeout ?? DefaultWait}");
            }
        }
        return EventsOfType(type);
    }

    public async Task<JsonElement> InvokeAsync(string method, params object?[] args) =>
        await Connection.InvokeCoreAsync<JsonElement>(method, args);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
