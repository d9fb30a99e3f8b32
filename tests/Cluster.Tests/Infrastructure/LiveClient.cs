using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>A SignalR connection that records every <c>Event</c> it receives, so tests wait on events, not on time.</summary>
public sealed class LiveClient : IAsyncDisposable
{
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

    public IReadOnlyList<JsonElement> EventsOfType(string type)
    {
        lock (_events)
        {
            return _events.Where(e => e.GetProperty("type").GetString() == type).ToList();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events of a type have arrived, and returns all of them.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForCountAsync(string type, int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (EventsOfType(type).Count < count)
        {
            try
            {
                await _arrivals.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{EventsOfType(type).Count} of {count} {type} events within {timeout}");
            }
        }
        return EventsOfType(type);
    }

    public async Task<JsonElement> InvokeAsync(string method, params object?[] args) =>
        await Connection.InvokeCoreAsync<JsonElement>(method, args);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
