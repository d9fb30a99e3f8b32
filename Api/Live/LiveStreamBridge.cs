using System.Collections.Concurrent;
using Collab.Grains.Interfaces.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Collab.Api.Live;

/// <summary>
/// The grain→SignalR bridge of one hub (DESIGN §5): this node subscribes once per stream any of its connections
/// joined, renews the subscriptions on a timer (re-subscribing grains that reactivated), reports its connections for
/// presence, and forwards each event to the SignalR group of the stream.
/// </summary>
public sealed class LiveStreamBridge<THub, TGrain> : BackgroundService
    where THub : Hub
    where TGrain : ILiveStreamGrain
{
    private readonly ConcurrentDictionary<string, StreamFollow> _follows = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _streamsByConnection = new();
    private readonly IHubContext<THub> _hub;
    private readonly IGrainFactory _grains;
    private readonly InProcessObservers _inProcessObservers;
    private readonly NodeIdentity _node;
    private readonly LiveBridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LiveStreamBridge<THub, TGrain>> _logger;

    public LiveStreamBridge(IHubContext<THub> hub, IGrainFactory grains, InProcessObservers inProcessObservers, NodeIdentity node, IOptions<LiveBridgeOptions> options,
        TimeProvider time, ILogger<LiveStreamBridge<THub, TGrain>> logger)
    {
        _hub = hub;
        _grains = grains;
        _inProcessObservers = inProcessObservers;
        _node = node;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Starts the event flow of a stream for a connection the grain has already authorized. With
    /// <paramref name="announce"/> off, a node that already follows the stream does not tell the grain of the new
    /// connection at once (one round trip per connection, one at a time per stream): the grain learns of it from the
    /// node's next renewal. For streams where thousands join in the same seconds and nobody waits on their presence
    /// (an exam's candidates).
    /// </summary>
    public async Task JoinAsync(string id, string connectionId, string userId, IReadOnlyList<string>? audienceGroups = null, bool announce = true)
    {
        while (true)
        {
            var follow = _follows.GetOrAdd(id, NewFollow);
            await follow.Gate.WaitAsync();
            try
            {
                if (follow.Ended)
                {
                    continue;
                }
                bool known;
                lock (follow.Connections)
                {
                    known = follow.Connections.Count > 0 || follow.Reference is not null;
                    follow.Connections[connectionId] = new JoinedConnection(userId, audienceGroups ?? []);
                }
                await _hub.Groups.AddToGroupAsync(connectionId, id);
                _streamsByConnection.GetOrAdd(connectionId, _ => new()).TryAdd(id, 0);
                if (!known || (announce && !await Grain(id).ConnectionOpenedAsync(_node.NodeId, new NodeConnection(connectionId, userId))))
                {
                    await SubscribeAsync(id, follow);
                }
                return;
            }
            finally
            {
                follow.Gate.Release();
            }
        }
    }

    public async Task LeaveAsync(string id, string connectionId)
    {
        if (_streamsByConnection.TryGetValue(connectionId, out var streams))
        {
            streams.TryRemove(id, out _);
        }
        await _hub.Groups.RemoveFromGroupAsync(connectionId, id);
        if (!_follows.TryGetValue(id, out var follow))
        {
            return;
        }
        await follow.Gate.WaitAsync();
        try
        {
            bool removed, empty;
            lock (follow.Connections)
            {
                removed = follow.Connections.Remove(connectionId);
                empty = follow.Connections.Count == 0;
            }
            if (!removed || follow.Ended)
            {
                return;
            }
            if (!empty)
            {
                await Grain(id).ConnectionClosedAsync(_node.NodeId, connectionId);
                return;
            }
            _follows.TryRemove(id, out _);
            await EndAsync(id, follow);
        }
        finally
        {
            follow.Gate.Release();
        }
    }

    /// <summary>A connection dropped: it leaves every stream it had joined through this hub.</summary>
    public async Task DropConnectionAsync(string connectionId)
    {
        if (!_streamsByConnection.TryRemove(connectionId, out var streams))
        {
            return;
        }
        foreach (var id in streams.Keys)
        {
            try
            {
                await LeaveAsync(id, connectionId);
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "Leaving {Id} for dropped connection {Connection} failed", id, connectionId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RefreshInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAllAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var (id, follow) in _follows)
        {
            try
            {
                await EndAsync(id, follow).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception exception)
            {
                _logger.LogDebug(exception, "Unsubscribing {Id} at shutdown failed", id);
            }
        }
    }

    private async Task RefreshAllAsync()
    {
        foreach (var (id, follow) in _follows)
        {
            await follow.Gate.WaitAsync();
            try
            {
                if (!follow.Ended)
                {
                    await SubscribeAsync(id, follow);
                }
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "Renewing the subscription to {Id} failed", id);
            }
            finally
            {
                follow.Gate.Release();
            }
        }
    }

    private async Task SubscribeAsync(string id, StreamFollow follow)
    {
        var first = follow.Reference is null;
        var reference = follow.Reference ??= _grains.CreateObjectReference<ILiveStreamObserver>(follow);
        if (first)
        {
            _inProcessObservers.Add(reference, follow);
        }
        IReadOnlyList<NodeConnection> connections;
        lock (follow.Connections)
        {
            connections = follow.ConnectionList();
        }
        var seq = await Grain(id).SubscribeNodeAsync(_node.NodeId, reference, connections, _options.TimeToLive);
        follow.Subscribed(seq, first);
    }

    private async Task EndAsync(string id, StreamFollow follow)
    {
        if (follow.Ended)
        {
            return;
        }
        await follow.EndAsync();
        if (follow.Reference is not null)
        {
            _inProcessObservers.Remove(follow.Reference);
            _grains.DeleteObjectReference<ILiveStreamObserver>(follow.Reference);
        }
        await Grain(id).UnsubscribeNodeAsync(_node.NodeId);
    }

    private StreamFollow NewFollow(string id) =>
        new(id, Grain(id), _hub.Clients, _options, _time, _logger, (follow, userIds) => RevokeAsync(id, follow, userIds));

    /// <summary>
    /// Users who lost the stream (called in the follow's delivery order, right after the revoking event was handed
    /// on): their connections leave its SignalR group and its audience, so no later event reaches them.
    /// </summary>
    private async Task RevokeAsync(string id, StreamFollow follow, IReadOnlyCollection<string> userIds)
    {
        List<string> dropped;
        bool empty;
        lock (follow.Connections)
        {
            dropped = follow.Connections.Where(c => userIds.Contains(c.Value.UserId)).Select(c => c.Key).ToList();
            foreach (var connectionId in dropped)
            {
                follow.Connections.Remove(connectionId);
            }
            empty = follow.Connections.Count == 0;
        }
        foreach (var connectionId in dropped)
        {
            if (_streamsByConnection.TryGetValue(connectionId, out var streams))
            {
                streams.TryRemove(id, out _);
            }
            await _hub.Groups.RemoveFromGroupAsync(connectionId, id);
        }
        if (dropped.Count > 0)
        {
            _logger.LogInformation("Access to {Id} revoked for {Users}: {Count} connection(s) left it", id, string.Join(",", userIds), dropped.Count);
        }
        if (empty && dropped.Count > 0)
        {
            // Not awaited: ending the follow waits for its delivery loop, which is the caller.
            _ = EndIfIdleAsync(id, follow);
        }
    }

    private async Task EndIfIdleAsync(string id, StreamFollow follow)
    {
        await follow.Gate.WaitAsync();
        try
        {
            bool empty;
            lock (follow.Connections)
            {
                empty = follow.Connections.Count == 0;
            }
            if (empty && !follow.Ended && _follows.TryRemove(new KeyValuePair<string, StreamFollow>(id, follow)))
            {
                await EndAsync(id, follow);
            }
        }
        catch (Exception exception)
        {
            _logger.LogDebug(exception, "Ending the follow of {Id} after a revocation failed", id);
        }
        finally
        {
            follow.Gate.Release();
        }
    }

    private TGrain Grain(string id) => _grains.GetGrain<TGrain>(id);

    /// <summary>
    /// The grain of a stream, reusing the reference of the stream this node follows when it does: resolving a grain
    /// reference from its interface costs a reflection lookup per call, and a busy stream makes one call per edit.
    /// </summary>
    public TGrain GrainOf(string id) => _follows.TryGetValue(id, out var follow) ? (TGrain)follow.Grain : Grain(id);
}
