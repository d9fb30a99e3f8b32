using System.Diagnostics;
using System.Runtime.CompilerServices;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Live;

/// <summary>
/// The real-time plumbing every area's grain shares (DESIGN §3, §5): sequence numbers, the retained event window,
/// idempotent commands, durable-before-acknowledged writes (<see cref="LiveStore{TState}"/>); following the stream is
/// <see cref="LiveStreamGrain{TState}"/>'s. A subclass validates and changes its state inside
/// <see cref="RunAsync{T}"/>, emitting events as it goes.
/// </summary>
public abstract class LiveGrain<TState>(IPersistentState<TState> store, IOptions<LiveStreamOptions> options, TimeProvider time, ILogger logger)
    : LiveStreamGrain<TState>(store, options.Value, time, logger) where TState : LiveState, new()
{
    private readonly List<EventEnvelope> _unpublished = [];

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

    protected CommandLogLimits CommandLimits => new(LiveOptions.CommandResultsPerClient, LiveOptions.CommandClientsPerUser, LiveOptions.CommandUsers);

    protected int RetainedEvents => LiveOptions.RetainedEvents;

    /// <summary>
    /// Marks the running command as changing more than its logged events carry (a first note also lists its author
    /// among the observers), so that it writes a snapshot instead of only appending rows.
    /// </summary>
    protected void RequireSnapshot() => Store.RequireSnapshot();

    /// <summary>Re-applies a logged event the last snapshot had not seen yet, exactly as its command first changed the state.</summary>
    protected virtual void Apply(EventEnvelope logged) =>
        throw new InvalidOperationException($"{StreamName} logs {logged.Type} but does not apply it");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        var journal = LoggedEventTypes.Count == 0
            ? null
            : new EventJournal(ServiceProvider.GetRequiredService<ILiveEventLog>(), StreamName, LoggedEventTypes, LiveOptions, ChainsEventsForEveryone);
        await Store.OpenAsync(journal, CommandLimits, Apply);
    }

    /// <summary>
    /// Runs one command: a resend of a command this caller already sent returns its first result; otherwise
    /// <paramref name="change"/> validates (throwing before it changes anything) and applies, emitting events;
    /// then the state, the events and the result are written together, and only then acknowledged and published.
    /// </summary>
    protected Task<T> RunAsync<T>(Caller caller, CommandId command, Func<T> change, [CallerMemberName] string name = "")
    {
        CommandKey.Validate(command);
        return RunCommandAsync(CommandKey.Of(caller, command), change, name);
    }

    /// <summary>Runs a change that has no client command id (a reminder, a timer, a command that is idempotent by its nature).</summary>
    protected Task<T> RunAsync<T>(Func<T> change, [CallerMemberName] string name = "") => RunCommandAsync(null, change, name);

    protected Task RunAsync(Action change, [CallerMemberName] string name = "") => RunCommandAsync<bool>(null, () =>
    {
        change();
        return true;
    }, name);

    protected static void ValidateCommandId(CommandId command) => CommandKey.Validate(command);

    /// <summary>Appends a durable event; it is published after the next successful write.</summary>
    protected void Emit(string type, object data, string? audience = null, string? audienceGroup = null) =>
        Append(type, data, audience, null, audienceGroup, null);

    /// <summary>Appends a durable event of a typed kind (see <see cref="ILiveEvent"/>).</summary>
    protected void Emit<TEvent>(TEvent data, string? audience = null, string? audienceGroup = null) where TEvent : ILiveEvent =>
        Emit(TEvent.Type, data!, audience, audienceGroup);

    /// <summary>Appends a durable event of a typed kind that only the named users see.</summary>
    protected void Emit<TEvent>(TEvent data, IReadOnlyList<string> audiences) where TEvent : ILiveEvent => Emit(TEvent.Type, data!, audiences);

    /// <summary>Appends a durable event that only the named users see (a tutor and the student in session).</summary>
    protected void Emit(string type, object data, IReadOnlyList<string> audiences) => Append(type, data, null, audiences.ToArray(), null, null);

    /// <summary>
    /// Appends a durable event with which these users lose the stream (a member removed): every node delivers it to
    /// them too, in seq order, and then drops their connections from the stream, so they receive nothing after it. Their
    /// next call is refused by the grain's own checks.
    /// </summary>
    protected void EmitRevoking<TEvent>(TEvent data, params string[] revoked) where TEvent : ILiveEvent =>
        EmitRevoking(TEvent.Type, data!, revoked);

    protected void EmitRevoking(string type, object data, params string[] revoked) => Append(type, data, null, null, null, revoked);

    /// <summary>
    /// Makes one command's change durable: its new events, and its result under its command id. Events of
    /// <see cref="LoggedEventTypes"/> alone are appended to the event log; anything else writes the grain state as a
    /// snapshot. A grain with a log of its own (a lesson plan's ops) overrides it.
    /// </summary>
    protected virtual Task PersistAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson) =>
        Store.PersistAsync(events, command, resultJson);

    /// <summary>Writes the grain state as a snapshot: without the events that are rows of the event log, which activation puts back.</summary>
    protected Task WriteStateAsync() => Store.WriteStateAsync();

    /// <summary>
    /// Writes the grain state without its retained events of one type, for a grain that keeps those in a log of its own
    /// (a lesson plan's ops) and puts its window back together from it (<see cref="StreamLog.Restore"/>).
    /// </summary>
    protected Task WriteSnapshotWithoutAsync(string loggedType) => Store.WriteStateWithoutAsync(loggedType);

    private async Task<T> RunCommandAsync<T>(CommandKey? key, Func<T> change, string name)
    {
        EnsureConsistent();
        Store.BeginCommand();
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
        if (!await Store.SnapshotWhenDueAsync(StreamName))
        {
            DeactivateOnIdle();
        }
        LiveMetrics.Applied(Area, name, startedAt, events);
        return result;
    }

    private void Append(string type, object data, string? audience, string[]? audiences, string? audienceGroup, string[]? revokes) =>
        _unpublished.Add(State.Log.Append(StreamName, type, Now, LiveJson.Serialize(data), audience, RetainedEvents, audiences, audienceGroup,
            revokes, ChainsEventsForEveryone));

    private async Task WriteAsync(CommandKey? command, string resultJson)
    {
        try
        {
            await PersistAsync(_unpublished, command, resultJson);
        }
        catch (Exception exception)
        {
            // The in-memory state is now ahead of the durable one; nothing may be served from it again.
            Store.Break();
            _unpublished.Clear();
            DeactivateOnIdle();
            Logger.LogError(exception, "Writing {Stream} failed; the activation is discarded", StreamName);
            throw new CollabException(ErrorCodes.Unavailable, "the change could not be stored; try again");
        }
        foreach (var envelope in _unpublished)
        {
            Publish(envelope);
        }
        _unpublished.Clear();
    }
}
