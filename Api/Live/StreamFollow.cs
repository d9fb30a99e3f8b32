using System.Threading.Channels;
using Collab.Grains.Interfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Live;

/// <summary>
/// This node following one grain's stream: the observer the grain pushes to (held strongly here, or it would be
/// collected), the local connections joined to it, and a single delivery loop that hands events to SignalR in seq
/// order, holding back early ones and fetching a missing seq from the grain when it does not arrive. An event that
/// revokes users is handed to them like any other, and then their connections leave the stream before the next one.
/// </summary>
internal sealed class StreamFollow : ILiveStreamObserver
{
    private readonly string _id;
    private readonly ILiveStreamGrain _grain;
    private readonly IHubClients _clients;
    private readonly LiveBridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<StreamFollow, IReadOnlyCollection<string>, Task> _revoke;
    private readonly Channel<Delivery> _inbox = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SortedDictionary<long, EventEnvelope> _early = [];
    private readonly Task _loop;
    private long _deliveredSeq;
    private bool _gapCheckScheduled;

    public StreamFollow(string id, ILiveStreamGrain grain, IHubClients clients, LiveBridgeOptions options, TimeProvider time, ILogger logger,
        Func<StreamFollow, IReadOnlyCollection<string>, Task> revoke)
    {
        _revoke = revoke;
        _id = id;
        _grain = grain;
        _clients = clients;
        _options = options;
        _time = time;
        _logger = logger;
        _loop = Task.Run(DeliverAsync);
    }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public ILiveStreamGrain Grain => _grain;

    /// <summary>The connections of this node joined to the stream, by connection id.</summary>
    public Dictionary<string, JoinedConnection> Connections { get; } = [];

    public ILiveStreamObserver? Reference { get; set; }

    public bool Ended { get; private set; }

    public IReadOnlyList<NodeConnection> ConnectionList() =>
        Connections.Select(c => new NodeConnection(c.Key, c.Value.UserId)).ToList();

    public Task OnEventAsync(EventEnvelope envelope)
    {
        _inbox.Writer.TryWrite(new Delivery(DeliveryKind.Event, envelope, 0));
        return Task.CompletedTask;
    }

    /// <summary>Called with the grain's current seq after each (re)subscription; events up to it must reach the clients.</summary>
    public void Subscribed(long grainSeq, bool first)
    {
        _inbox.Writer.TryWrite(new Delivery(first ? DeliveryKind.Baseline : DeliveryKind.CatchUp, null, grainSeq));
    }

    public async Task EndAsync()
    {
        Ended = true;
        _inbox.Writer.TryComplete();
        await _loop;
    }

    private async Task DeliverAsync()
    {
        await foreach (var delivery in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                switch (delivery.Kind)
                {
                    case DeliveryKind.Event:
                        await AcceptAsync(delivery.Envelope!);
                        break;
                    case DeliveryKind.Baseline:
                        _deliveredSeq = Math.Max(_deliveredSeq, delivery.Seq);
                        await DrainAsync();
                        break;
                    case DeliveryKind.CatchUp when delivery.Seq > _deliveredSeq || _early.Count > 0:
                        await CatchUpAsync();
                        break;
                }
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "Delivering events of {Id} failed", _id);
            }
        }
    }

    private async Task AcceptAsync(EventEnvelope envelope)
    {
        if (envelope.IsEphemeral)
        {
            await SendAsync(envelope);
            return;
        }
        if (envelope.Seq <= _deliveredSeq)
        {
            return;
        }
        _early[envelope.Seq] = envelope;
        await DrainAsync();
        if (_early.Count > 0 && !_gapCheckScheduled)
        {
            _gapCheckScheduled = true;
            _ = ScheduleGapCheckAsync();
        }
    }

    private async Task ScheduleGapCheckAsync()
    {
        await Task.Delay(_options.GapWait, _time);
        _inbox.Writer.TryWrite(new Delivery(DeliveryKind.CatchUp, null, 0));
    }

    private async Task CatchUpAsync()
    {
        _gapCheckScheduled = false;
        var missing = await _grain.ReadEventsAsync(_deliveredSeq);
        foreach (var envelope in missing.Where(e => e.Seq > _deliveredSeq))
        {
            _early[envelope.Seq] = envelope;
        }
        await DrainAsync();
        if (_early.Count > 0)
        {
            // The grain no longer retains the gap: move on; clients see the jump and Sync to a snapshot.
            _deliveredSeq = _early.Keys.First() - 1;
            await DrainAsync();
        }
    }

    private async Task DrainAsync()
    {
        while (_early.Remove(_deliveredSeq + 1, out var next))
        {
            await SendAsync(next);
            _deliveredSeq = next.Seq;
        }
        foreach (var stale in _early.Keys.Where(seq => seq <= _deliveredSeq).ToList())
        {
            _early.Remove(stale);
        }
    }

    private async Task SendAsync(EventEnvelope envelope)
    {
        await SendToAudienceAsync(envelope);
        if (envelope.Revokes is { Length: > 0 } revoked)
        {
            await _revoke(this, revoked);
        }
    }

    private Task SendToAudienceAsync(EventEnvelope envelope)
    {
        var message = EventMessage.From(envelope);
        if (envelope.IsForEveryone)
        {
            return _clients.Group(_id).SendAsync("Event", message);
        }
        List<string> audience;
        lock (Connections)
        {
            audience = Connections.Where(c => envelope.IsVisibleTo(c.Value.UserId, c.Value.AudienceGroups)).Select(c => c.Key).ToList();
        }
        return audience.Count == 0 ? Task.CompletedTask : _clients.Clients(audience).SendAsync("Event", message);
    }

    private enum DeliveryKind
    {
        Event,
        Baseline,
        CatchUp,
    }

    /// <summary>An event from the grain; the seq the stream stood at when first subscribed; or a request to fetch up to a seq.</summary>
    private sealed record Delivery(DeliveryKind Kind, EventEnvelope? Envelope, long Seq);
}
