using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Live.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collab.Grains.Live;

/// <summary>
/// A live grain as its followers see it (DESIGN §3): joining and syncing the stream, the API nodes that follow it and
/// the presence that follows from their connections (<see cref="StreamFanOut"/>), and the events that are never
/// stored. Commands and their durable events are <see cref="LiveGrain{TState}"/>'s.
/// </summary>
public abstract class LiveStreamGrain<TState> : Grain, ILiveStreamGrain where TState : LiveState, new()
{
    private readonly StreamFanOut _fanOut;
    private LiveActivations? _activations;

    private protected LiveStreamGrain(IPersistentState<TState> store, LiveStreamOptions options, TimeProvider time, ILogger logger)
    {
        LiveOptions = options;
        Store = new LiveStore<TState>(store, options.RetainedEvents, logger);
        Time = time;
        Logger = logger;
        _fanOut = new StreamFanOut(ServiceProvider.GetService<InProcessObservers>(), logger, PublishPresence);
    }

    private protected LiveStore<TState> Store { get; }

    private protected ILogger Logger { get; }

    protected TimeProvider Time { get; }

    protected LiveStreamOptions LiveOptions { get; }

    /// <summary>Server time at the millisecond precision of the wire, so a replayed result equals the first one.</summary>
    protected DateTimeOffset Now => WireTime.Truncate(Time.GetUtcNow());

    protected TState State => Store.State;

    /// <summary>Who is online, counting the caller who is joining now (their connection is registered right after Join).</summary>
    protected IReadOnlyList<string> OnlineUsersWith(Caller caller) =>
        _fanOut.OnlineUsers.Append(caller.UserId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether at least one connection of this user, on any node, follows the stream now.</summary>
    protected bool IsOnline(string userId) => _fanOut.IsOnline(userId);

    /// <summary>The first part of the stream name, e.g. <c>groups</c> in <c>groups/g-12</c>.</summary>
    protected abstract string Area { get; }

    protected string Id => this.GetPrimaryKeyString();

    protected string StreamName => $"{Area}/{Id}";

    /// <summary>Throws the refusal when this caller may not follow the stream (asynchronous: it may ask another grain).</summary>
    protected abstract Task AuthorizeJoinAsync(Caller caller);

    /// <summary>The audience groups (e.g. an exam's proctors) whose events this caller receives; none by default.</summary>
    protected virtual IReadOnlyList<string> AudienceGroupsOf(Caller caller) => [];

    /// <summary>The state as this caller may see it; serialized as the snapshot of Join and Sync.</summary>
    protected abstract object BuildSnapshot(Caller caller);

    /// <summary>Who is told that this user came or went: everyone joined (null) unless an area keeps presence private.</summary>
    protected virtual string? PresenceAudience(string userId) => null;

    /// <summary>An audience group told of comings and goings instead of everyone (an exam's proctors, not its candidates).</summary>
    protected virtual string? PresenceAudienceGroup => null;

    /// <summary>A user's first connection to the stream opened, or their last one closed; after the presence event.</summary>
    protected virtual void OnPresenceChanged(string userId, bool online)
    {
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepExpiredNodes, LiveOptions.NodeSweepInterval, LiveOptions.NodeSweepInterval);
        // Optional: a host that does not register the gauge (a unit-test silo) simply has none.
        _activations = ServiceProvider.GetService<LiveActivations>();
        _activations?.Activated(Area);
        return base.OnActivateAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _activations?.Deactivated(Area);
        _activations = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<JoinResult> JoinAsync(Caller caller)
    {
        EnsureConsistent();
        await AuthorizeJoinAsync(caller);
        var groups = AudienceGroupsOf(caller);
        return new JoinResult(State.Log.Seq, Now, LiveJson.Serialize(BuildSnapshot(caller)), groups.Count == 0 ? null : groups);
    }

    public Task AuthorizeAsync(Caller caller)
    {
        EnsureConsistent();
        return AuthorizeJoinAsync(caller);
    }

    public async Task<SyncResult> SyncAsync(Caller caller, long sinceSeq)
    {
        EnsureConsistent();
        await AuthorizeJoinAsync(caller);
        if (sinceSeq < 0)
        {
            throw CollabException.Invalid("sinceSeq must not be negative");
        }
        var visible = State.Log.VisibleAfter(sinceSeq, caller.UserId, AudienceGroupsOf(caller));
        return visible is null
            ? new SyncResult([], LiveJson.Serialize(BuildSnapshot(caller)), State.Log.Seq)
            : new SyncResult(visible, null, State.Log.Seq);
    }

    public Task<long> SubscribeNodeAsync(string nodeId, ILiveStreamObserver observer, IReadOnlyList<NodeConnection> connections, TimeSpan timeToLive)
    {
        _fanOut.Subscribe(nodeId, observer, connections, Now + timeToLive);
        return Task.FromResult(State.Log.Seq);
    }

    public Task UnsubscribeNodeAsync(string nodeId)
    {
        _fanOut.Unsubscribe(nodeId);
        return Task.CompletedTask;
    }

    public Task<bool> ConnectionOpenedAsync(string nodeId, NodeConnection connection) => Task.FromResult(_fanOut.Open(nodeId, connection));

    public Task ConnectionClosedAsync(string nodeId, string connectionId)
    {
        _fanOut.Close(nodeId, connectionId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadEventsAsync(long afterSeq) =>
        Task.FromResult(State.Log.ReadAfter(afterSeq) ?? State.Log.Events);

    /// <summary>
    /// Cuts a user off the stream at once, without a durable event: for a loss of access learnt from another grain (a
    /// plan told of a removal from its group) rather than made by a command of this one. The user is told with an
    /// ephemeral <c>access.revoked</c>.
    /// </summary>
    protected void RevokeNow(string userId) =>
        Publish(new EventEnvelope(StreamName, 0, AccessRevokedEvent.Type, Now, LiveJson.Serialize(new AccessRevokedEvent(userId)), userId, null, null, [userId]));

    /// <summary>Publishes an event that is not persisted and never replayed (cursors, typing, presence).</summary>
    protected void EmitEphemeral<TEvent>(TEvent data, string? audience = null, string? audienceGroup = null) where TEvent : ILiveEvent =>
        EmitEphemeral(TEvent.Type, data!, audience, audienceGroup);

    protected void EmitEphemeral(string type, object data, string? audience = null, string? audienceGroup = null) =>
        Publish(new EventEnvelope(StreamName, 0, type, Now, LiveJson.Serialize(data), audience, null, audienceGroup));

    protected void EnsureConsistent() => Store.EnsureConsistent();

    /// <summary>Pushes an event to every node following the stream, without waiting for them.</summary>
    private protected void Publish(EventEnvelope envelope) => _fanOut.Publish(envelope);

    private void PublishPresence(string userId, bool online)
    {
        EmitEphemeral(new PresenceChangedEvent(userId, online), PresenceAudience(userId), PresenceAudienceGroup);
        OnPresenceChanged(userId, online);
    }

    private Task SweepExpiredNodes()
    {
        _fanOut.RemoveExpired(Now);
        return Task.CompletedTask;
    }
}
