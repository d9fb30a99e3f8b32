using System.Diagnostics;
using System.Runtime.CompilerServices;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Live.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Live;

/// <summary>
/// The real-time plumbing every area's grain shares (DESIGN §3, §5): sequence numbers, the retained event window,
/// idempotent commands, durable-before-acknowledged writes, the per-node observers and presence.
/// A subclass validates and changes its state inside <see cref="RunAsync{T}"/>, emitting events as it goes.
/// </summary>
public abstract class LiveGrain<TState> : Grain, ILiveStreamGrain where TState : LiveState, new()
{
    private readonly IPersistentState<TState> _store;
    private readonly LiveStreamOptions _options;
    private readonly ILogger _logger;
    private readonly NodeRegistry _nodes = new();
    private readonly List<EventEnvelope> _unpublished = [];
    private bool _brokenByFailedWrite;
    private LiveActivations? _activations;
    private InProcessObservers? _inProcessObservers;
    private EventJournal? _journal;
    private bool _snapshotRequired;

    protected LiveGrain(IPersistentState<TState> store, IOptions<LiveStreamOptions> options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _options = options.Value;
        Time = time;
        _logger = logger;
    }

    protected TimeProvider Time { get; }

    protected LiveStreamOptions LiveOptions => _options;

    /// <summary>Server time at the millisecond precision of the wire, so a replayed result equals the first one.</summary>
    protected DateTimeOffset Now
    {
        get
        {
            var now = Time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }

    protected TState State => _store.State;

    /// <summary>Who is online, counting the caller who is joining now (their connection is registered right after Join).</summary>
    protected IReadOnlyList<string> OnlineUsersWith(Caller caller) =>
        _nodes.OnlineUsers.Append(caller.UserId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether at least one connection of this user, on any node, follows the stream now.</summary>
    protected bool IsOnline(string userId) => _nodes.IsOnline(userId);

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

    /// <summary>
    /// The event types whose commands only add to the state (a post, a note, a stroke): a command that emits nothing
    /// else appends them to the event log instead of rewriting the grain (<see cref="EventJournal"/>). For each, the
    /// command's whole change to the state must be what <see cref="Apply"/> does with the event, since that is how
    /// activation replays it.
    /// </summary>
    protected virtual IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string>();

    /// <summary>
    /// Whether each event for everyone names the previous one (<see cref="EventEnvelope.PreviousForEveryone"/>): for a
    /// stream whose events are mostly addressed to one user or a group (a classroom's answers and tallies), so that the
    /// others' clients need not Sync over every jump in seq (PROTOCOL §0, Events).
    /// </summary>
    protected virtual bool ChainsEventsForEveryone => false;

    /// <summary>
    /// Marks the running command as changing more than its logged events carry (a first note also lists its author
    /// among the observers), so that it writes a snapshot instead of only appending rows.
    /// </summary>
    protected void RequireSnapshot() => _snapshotRequired = true;

    /// <summary>Re-applies a logged event the last snapshot had not seen yet, exactly as its command first changed the state.</summary>
    protected virtual void Apply(EventEnvelope logged) =>
        throw new InvalidOperationException($"{StreamName} logs {logged.Type} but does not apply it");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepExpiredNodesAsync, _options.NodeSweepInterval, _options.NodeSweepInterval);
        // Optional: a host that does not register the gauge (a unit-test silo) simply has none.
        _activations = ServiceProvider.GetService<LiveActivations>();
        _activations?.Activated(Area);
        _inProcessObservers = ServiceProvider.GetService<InProcessObservers>();
        if (LoggedEventTypes.Count > 0)
        {
            _journal = new EventJournal(ServiceProvider.GetRequiredService<ILiveEventLog>(), StreamName, LoggedEventTypes, _options, ChainsEventsForEveryone);
            // A stream's first write is always a snapshot, so a grain never written has no rows either.
            if (_store.RecordExists)
            {
                await _journal.RestoreAsync(State, RetainedEvents, CommandLimits, Apply);
            }
        }
        await base.OnActivateAsync(cancellationToken);
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
        var events = State.Log.ReadAfter(sinceSeq);
        if (events is null)
        {
            return new SyncResult([], LiveJson.Serialize(BuildSnapshot(caller)), State.Log.Seq);
        }
        var groups = AudienceGroupsOf(caller);
        var visible = events.Where(e => e.IsVisibleTo(caller.UserId, groups)).ToList();
        return new SyncResult(visible, null, State.Log.Seq);
    }

    public Task<long> SubscribeNodeAsync(string nodeId, ILiveStreamObserver observer, IReadOnlyList<NodeConnection> connections, TimeSpan timeToLive)
    {
        var target = _inProcessObservers?.Resolve(observer) ?? observer;
        var changes = _nodes.Subscribe(nodeId, target, connections, Now + timeToLive);
        PublishPresence(changes);
        return Task.FromResult(State.Log.Seq);
    }

    public Task UnsubscribeNodeAsync(string nodeId)
    {
        PublishPresence(_nodes.Remove(nodeId));
        return Task.CompletedTask;
    }

    public Task<bool> ConnectionOpenedAsync(string nodeId, NodeConnection connection)
    {
        var changes = _nodes.Open(nodeId, connection);
        if (changes is null)
        {
            return Task.FromResult(false);
        }
        PublishPresence(changes);
        return Task.FromResult(true);
    }

    public Task ConnectionClosedAsync(string nodeId, string connectionId)
    {
        PublishPresence(_nodes.Close(nodeId, connectionId));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EventEnvelope>> ReadEventsAsync(long afterSeq) =>
        Task.FromResult(State.Log.ReadAfter(afterSeq) ?? State.Log.Events);

    /// <summary>
    /// Runs one command: a resend of a command this caller already sent returns its first result; otherwise
    /// <paramref name="change"/> validates (throwing before it changes anything) and applies, emitting events;
    /// then the state, the events and the result are written together, and only then acknowledged and published.
    /// </summary>
    protected Task<T> RunAsync<T>(Caller caller, CommandId command, Func<T> change, [CallerMemberName] string name = "")
    {
        ValidateCommandId(command);
        return RunCommandAsync(CommandKey.Of(caller, command), change, name);
    }

    /// <summary>Runs a change that has no client command id (a reminder, a timer, a command that is idempotent by its nature).</summary>
    protected Task<T> RunAsync<T>(Func<T> change, [CallerMemberName] string name = "") => RunCommandAsync(null, change, name);

    protected Task RunAsync(Action change, [CallerMemberName] string name = "") => RunCommandAsync<bool>(null, () =>
    {
        change();
        return true;
    }, name);

    private async Task<T> RunCommandAsync<T>(CommandKey? key, Func<T> change, string name)
    {
        EnsureConsistent();
        _snapshotRequired = false;
        if (key is not null)
        {
            var recorded = State.Commands.Find(key);
            if (recorded is not null)
            {
                return LiveJson.Deserialize<T>(recorded);
            }
        }
        var startedAt = Stopwatch.GetTimestamp();
        T result;
        try
        {
            result = change();
        }
        catch (CollabException refusal)
        {
            LiveMetrics.Refused(Area, name, refusal.Code);
            throw;
        }
        var resultJson = LiveJson.Serialize(result);
        if (key is not null)
        {
            State.Commands.Record(key, resultJson, Now, CommandLimits);
        }
        var events = _unpublished.Count;
        await WriteAsync(key, resultJson);
        await SnapshotWhenDueAsync();
        LiveMetrics.Applied(Area, name, startedAt, events);
        return result;
    }

    /// <summary>Appends a durable event; it is published after the next successful write.</summary>
    protected void Emit(string type, object data, string? audience = null, string? audienceGroup = null)
    {
        var envelope = State.Log.Append(StreamName, type, Now, LiveJson.Serialize(data), audience, _options.RetainedEvents, null, audienceGroup,
            chainEveryone: ChainsEventsForEveryone);
        _unpublished.Add(envelope);
    }

    /// <summary>Appends a durable event of a typed kind (see <see cref="ILiveEvent"/>).</summary>
    protected void Emit<TEvent>(TEvent data, string? audience = null, string? audienceGroup = null) where TEvent : ILiveEvent =>
        Emit(TEvent.Type, data!, audience, audienceGroup);

    /// <summary>Appends a durable event of a typed kind that only the named users see.</summary>
    protected void Emit<TEvent>(TEvent data, IReadOnlyList<string> audiences) where TEvent : ILiveEvent => Emit(TEvent.Type, data!, audiences);

    /// <summary>Appends a durable event that only the named users see (a tutor and the student in session).</summary>
    protected void Emit(string type, object data, IReadOnlyList<string> audiences)
    {
        var envelope = State.Log.Append(StreamName, type, Now, LiveJson.Serialize(data), null, _options.RetainedEvents, audiences.ToArray(),
            chainEveryone: ChainsEventsForEveryone);
        _unpublished.Add(envelope);
    }

    /// <summary>
    /// Appends a durable event with which these users lose the stream (a member removed): every node delivers it to
    /// them too, in seq order, and then drops their connections from the stream, so they receive nothing after it. Their
    /// next call is refused by the grain's own checks.
    /// </summary>
    protected void EmitRevoking<TEvent>(TEvent data, params string[] revoked) where TEvent : ILiveEvent =>
        EmitRevoking(TEvent.Type, data!, revoked);

    protected void EmitRevoking(string type, object data, params string[] revoked)
    {
        var envelope = State.Log.Append(StreamName, type, Now, LiveJson.Serialize(data), null, _options.RetainedEvents, null, null, revoked,
            ChainsEventsForEveryone);
        _unpublished.Add(envelope);
    }

    /// <summary>
    /// Cuts a user off the stream at once, without a durable event: for a loss of access learnt from another grain (a
    /// plan told of a removal from its group) rather than made by a command of this one. The user is told with an
    /// ephemeral <c>access.revoked</c>.
    /// </summary>
    protected void RevokeNow(string userId)
    {
        Publish(new EventEnvelope(StreamName, 0, AccessRevokedEvent.Type, Now, LiveJson.Serialize(new AccessRevokedEvent(userId)), userId, null, null, [userId]));
    }

    /// <summary>Who is told that this user came or went: everyone joined (null) unless an area keeps presence private.</summary>
    protected virtual string? PresenceAudience(string userId) => null;

    /// <summary>An audience group told of comings and goings instead of everyone (an exam's proctors, not its candidates).</summary>
    protected virtual string? PresenceAudienceGroup => null;

    /// <summary>Publishes an event that is not persisted and never replayed (cursors, typing, presence).</summary>
    protected void EmitEphemeral<TEvent>(TEvent data, string? audience = null, string? audienceGroup = null) where TEvent : ILiveEvent =>
        EmitEphemeral(TEvent.Type, data!, audience, audienceGroup);

    protected void EmitEphemeral(string type, object data, string? audience = null, string? audienceGroup = null) =>
        Publish(new EventEnvelope(StreamName, 0, type, Now, LiveJson.Serialize(data), audience, null, audienceGroup));

    protected CommandLogLimits CommandLimits => new(_options.CommandResultsPerClient, _options.CommandClientsPerUser, _options.CommandUsers);

    protected int RetainedEvents => _options.RetainedEvents;

    /// <summary>
    /// Makes one command's change durable: its new events, and its result under its command id. Events of
    /// <see cref="LoggedEventTypes"/> alone are appended to the event log; anything else writes the grain state as a
    /// snapshot. A grain with a log of its own (a lesson plan's ops) overrides it.
    /// </summary>
    protected virtual Task PersistAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson) =>
        _journal is not null && _store.RecordExists && !_snapshotRequired && _journal.Logs(events)
            ? _journal.AppendAsync(events, command, resultJson)
            : WriteStateAsync();

    /// <summary>Writes the grain state as a snapshot: without the events that are rows of the event log, which activation puts back.</summary>
    protected async Task WriteStateAsync()
    {
        if (_journal is null)
        {
            await _store.WriteStateAsync();
            return;
        }
        var window = State.Log.Events;
        State.Log.Events = _journal.WindowWithoutRows(window);
        try
        {
            await _store.WriteStateAsync();
        }
        finally
        {
            State.Log.Events = window;
        }
        _journal.Snapshotted();
    }

    /// <summary>
    /// Every <see cref="LiveStreamOptions.SnapshotEveryEvents"/> rows, once the last of them is durable and before its
    /// command is answered, the grain is snapshotted and the rows behind its event window pruned. A failed snapshot loses
    /// nothing, since the rows after the last good one are replayed; the activation is dropped so that the next one
    /// starts from what the database holds.
    /// </summary>
    private async Task SnapshotWhenDueAsync()
    {
        if (_journal is null || !_journal.SnapshotDue)
        {
            return;
        }
        try
        {
            await WriteStateAsync();
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Snapshotting {Stream} at seq {Seq} failed; its events stay in the event log", StreamName, State.Log.Seq);
            DeactivateOnIdle();
            return;
        }
        var through = State.Log.Seq - RetainedEvents;
        try
        {
            await _journal.PruneAsync(through);
        }
        catch (Exception exception)
        {
            // Rows left behind cost only space; the next snapshot tries again.
            _logger.LogWarning(exception, "Pruning the event log of {Stream} through seq {Seq} failed", StreamName, through);
        }
    }

    /// <summary>
    /// Writes the grain state without its retained events of one type, for a grain that keeps those in a log of its own
    /// (a lesson plan's ops) and puts its window back together from it (<see cref="StreamLog.Restore"/>).
    /// </summary>
    protected async Task WriteSnapshotWithoutAsync(string loggedType)
    {
        var window = State.Log.Events;
        State.Log.Events = window.FindAll(envelope => envelope.Type != loggedType);
        try
        {
            await _store.WriteStateAsync();
        }
        finally
        {
            State.Log.Events = window;
        }
    }

    private async Task WriteAsync(CommandKey? command, string resultJson)
    {
        try
        {
            await PersistAsync(_unpublished, command, resultJson);
        }
        catch (Exception exception)
        {
            // The in-memory state is now ahead of the durable one; nothing may be served from it again.
            _brokenByFailedWrite = true;
            _unpublished.Clear();
            DeactivateOnIdle();
            _logger.LogError(exception, "Writing {Stream} failed; the activation is discarded", StreamName);
            throw new CollabException(ErrorCodes.Unavailable, "the change could not be stored; try again");
        }
        foreach (var envelope in _unpublished)
        {
            Publish(envelope);
        }
        _unpublished.Clear();
    }

    protected void EnsureConsistent()
    {
        if (_brokenByFailedWrite)
        {
            throw new CollabException(ErrorCodes.Unavailable, "the service is recovering from a storage failure; try again");
        }
    }

    protected static void ValidateCommandId(CommandId command)
    {
        if (string.IsNullOrWhiteSpace(command.ClientId) || command.ClientId.Length > 64)
        {
            throw CollabException.Invalid("clientId must be a non-empty string of at most 64 characters");
        }
        if (command.ClientSeq < 0)
        {
            throw CollabException.Invalid("clientSeq must not be negative");
        }
    }

    private void Publish(EventEnvelope envelope)
    {
        foreach (var observer in _nodes.Observers)
        {
            try
            {
                observer.OnEventAsync(envelope).Ignore();
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "Could not push {Stream} seq {Seq} to a node", StreamName, envelope.Seq);
            }
        }
        foreach (var userId in envelope.Revokes ?? [])
        {
            PublishPresence(_nodes.RemoveUser(userId));
        }
    }

    private void PublishPresence(PresenceChanges changes)
    {
        foreach (var (userId, online) in changes.Flips)
        {
            EmitEphemeral(new PresenceChangedEvent(userId, online), PresenceAudience(userId), PresenceAudienceGroup);
            OnPresenceChanged(userId, online);
        }
    }

    /// <summary>A user's first connection to the stream opened, or their last one closed; after the presence event.</summary>
    protected virtual void OnPresenceChanged(string userId, bool online)
    {
    }

    private Task SweepExpiredNodesAsync(CancellationToken cancellationToken)
    {
        PublishPresence(_nodes.RemoveExpired(Now));
        return Task.CompletedTask;
    }
}
