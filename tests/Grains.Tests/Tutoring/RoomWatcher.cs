using System.Text.Json;
using System.Threading.Channels;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Grains.Tests.Tutoring;

/// <summary>
/// Stands in for an API node in grain tests: a real observer subscribed to a room with the given users' connections,
/// so the room sees them online and pushes its events here for the test to wait on. Its subscription outlives any
/// slot a test moves the room's clock through, as a real node's renewals would keep it.
/// </summary>
public sealed class RoomWatcher : ILiveStreamObserver
{
    private readonly List<EventEnvelope> _events = [];
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>();

    public Task OnEventAsync(EventEnvelope envelope)
    {
        lock (_events)
        {
            _events.Add(envelope);
        }
        _arrivals.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    public IReadOnlyList<EventEnvelope> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public static async Task<RoomWatcher> SubscribeAsync(IGrainFactory grains, ILiveStreamGrain room, params string[] onlineUsers)
    {
        var watcher = new RoomWatcher();
        var reference = grains.CreateObjectReference<ILiveStreamObserver>(watcher);
        await room.SubscribeNodeAsync("test-node", reference,
            onlineUsers.Select(u => new NodeConnection($"conn-{u}", u)).ToList(), TimeSpan.FromDays(1));
        return watcher;
    }

    /// <summary>Waits until <paramref name="count"/> events of a type have arrived after the first <paramref name="skip"/> events.</summary>
    public async Task<IReadOnlyList<EventEnvelope>> WaitForCountAsync(string type, int skip, int count)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = Events.Skip(skip).Where(e => e.Type == type).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            try
            {
                await _arrivals.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{found.Count} of {count} {type} events");
            }
        }
    }

    public async Task<EventEnvelope> WaitForAsync(string type, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = Events.FirstOrDefault(e => e.Type == type && (match is null || match(JsonDocument.Parse(e.DataJson).RootElement)));
            if (found is not null)
            {
                return found;
            }
            try
            {
                await _arrivals.Reader.ReadAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {type} event; received: {string.Join(", ", Events.Select(e => e.Type))}");
            }
        }
    }
}
