using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Ot;
using Collab.Grains.Groups;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// A lesson plan edited live (PROTOCOL §2). An accepted op is one row in the op log, not a rewrite of the plan; the
/// plan itself is written for every other command and as a snapshot every <see cref="LessonPrepOptions.SnapshotEveryOps"/> ops.
/// </summary>
/// <remarks>
/// Ops are written by group commit: <see cref="SubmitOpAsync"/> interleaves, so ops that arrive while an op-log write
/// is under way queue up and go out together in the next write, each acknowledged once its write is durable. Every
/// other call runs under <see cref="_turn"/> (taken by <see cref="Invoke"/>), as do the writes, so no call ever sees
/// or writes state that an op-log write has not made durable yet.
/// </remarks>
public sealed class LessonPrepGrain(
    [PersistentState("lessonprep", StorageNames.Default)] IPersistentState<LessonPrepState> store,
    ILessonOpLog opLog,
    ILessonVersionStore versions,
    IOptions<LessonPrepOptions> prepOptions,
    IOptions<LiveStreamOptions> options,
    TimeProvider time,
    ILogger<LessonPrepGrain> logger)
    : LiveGrain<LessonPrepState>(store, options, time, logger), ILessonPrepGrain, IIncomingGrainCallFilter
{
    private readonly LessonPrepOptions _prep = prepOptions.Value;

    /// <summary>The plan's text and its transform window; made at activation, over the state just read.</summary>
    private LessonPlanDocument _document = null!;

    private GroupMembership? _membership;

    private int _opsSinceSnapshot;

    private readonly CursorThrottle<CursorMovedEvent> _cursors = new(TimeSpan.FromSeconds(1.0 / Math.Max(1, prepOptions.Value.CursorMovesPerSecond)));

    private IGrainTimer? _cursorTimer;

    /// <summary>One state-touching call or one write at a time; submitted ops wait for it only to be written.</summary>
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Submitted ops waiting for the next op-log write, in arrival order (the order they are transformed in).</summary>
    private readonly List<SubmittedOp> _queued = [];

    /// <summary>The outcome of each op queued or being written, so a resend waits for its first copy instead of applying twice.</summary>
    private readonly Dictionary<CommandKey, Task<OpAccepted>> _unacknowledged = [];

    /// <summary>The rows the running op write appends; null while any other command writes.</summary>
    private List<PendingRow>? _opRows;

    private bool _writingQueuedOps;

    protected override string Area => "lessonprep";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _document = new LessonPlanDocument(State, _prep.RecentOps);
        if (State.GroupId is null)
        {
            return;
        }
        // Rows up to the snapshot's seq only refill the transform window; later ones are not in the snapshot yet.
        var windowStart = Math.Max(0, State.Revision - _prep.RecentOps);
        var rows = await opLog.ReadAfterRevisionAsync(Id, windowStart);
        State.Log.Restore(rows.Where(row => row.Seq <= State.Log.Seq).Select(AppliedEnvelope), RetainedEvents);
        foreach (var row in rows)
        {
            var operation = LessonPlanDocument.ParseStored(row.OpsJson);
            if (row.Seq > State.Log.Seq)
            {
                Replay(row, operation);
                _opsSinceSnapshot++;
            }
            _document.Remember(row.Revision, row.Section, operation);
        }
    }

    private EventEnvelope AppliedEnvelope(LessonOpRow row) => new(StreamName, row.Seq, OpAppliedEvent.Type, row.At, row.EventJson);

    public async Task<LessonPrepView> CreateAsync(Caller caller, string groupId, CreateLessonPrep command)
    {
        if (State.GroupId is not null)
        {
            throw CollabException.Conflict($"lesson plan {Id} already exists");
        }
        var group = TextFields.Required(groupId, "groupId", LessonPrepLimits.ShortFieldLength);
        var title = TextFields.Required(command.Title, "title", LessonPrepLimits.TitleLength);
        var subject = TextFields.Required(command.Subject, "subject", LessonPrepLimits.ShortFieldLength);
        var grade = TextFields.Required(command.Grade, "grade", LessonPrepLimits.ShortFieldLength);
        var sections = ValidSections(command.Sections);
        _ = await Membership(group).RoleOfAsync(caller.UserId) ?? throw NotMember(group);
        return await RunAsync<LessonPrepView>(() =>
        {
            State.GroupId = group;
            State.Title = title;
            State.Subject = subject;
            State.Grade = grade;
            State.Phase = LessonPrepPhases.Drafting;
            State.LeadPreparer = caller.UserId;
            State.CreatedAt = Now;
            State.Sections = sections.Select(s => new LessonSection { Key = s.Key, Title = s.Title }).ToList();
            return View();
        });
    }

    public async Task<LessonPrepView> ForkAsync(Caller caller, string forkId)
    {
        await RequireMemberAsync(caller);
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers fork lesson plans");
        }
        if (State.Phase != LessonPrepPhases.Finalized)
        {
            throw CollabException.Conflict("only a finalized plan can be forked into a personal copy");
        }
        var source = new ForkSource(Id, State.GroupId!, State.Title, State.Subject, State.Grade, Sections());
        var copy = await GrainFactory.GetGrain<ILessonPrepGrain>(forkId).CreateForkAsync(caller, source);
        await RunAsync(() =>
        {
            var record = new ForkRecord(forkId, caller.UserId, caller.Name, Now, Reflected: false);
            State.Forks.Add(record);
            Emit(PlanForkedEvent.Of(record));
        });
        return copy;
    }

    public Task ForkReflectedAsync(string forkId)
    {
        var index = State.Forks.FindIndex(f => f.ForkId == forkId);
        if (index < 0 || State.Forks[index].Reflected)
        {
            return Task.CompletedTask;
        }
        return RunAsync(() =>
        {
            State.Forks[index] = State.Forks[index] with { Reflected = true };
            Emit(ForkReflectedEvent.Of(State.Forks[index]));
        });
    }

    public Task<LessonPrepView> CreateForkAsync(Caller caller, ForkSource source)
    {
        if (State.GroupId is not null)
        {
            throw CollabException.Conflict($"lesson plan {Id} already exists");
        }
        return RunAsync<LessonPrepView>(() =>
        {
            State.GroupId = source.GroupId;
            State.Title = source.Title;
            State.Subject = source.Subject;
            State.Grade = source.Grade;
            State.Phase = LessonPrepPhases.Drafting;
            State.LeadPreparer = caller.UserId;
            State.Owner = caller.UserId;
            State.ForkedFrom = source.OriginId;
            State.CreatedAt = Now;
            // The copy's reflection is its own teacher's, written after teaching this class: it starts empty.
            State.Sections = source.Sections
                .Where(s => s.Key != LessonPrepLimits.Reflection.Key)
                .Select(s => new LessonSection { Key = s.Key, Title = s.Title, Text = s.Text })
                .Append(new LessonSection { Key = LessonPrepLimits.Reflection.Key, Title = LessonPrepLimits.Reflection.Title })
                .ToList();
            return View();
        });
    }

    public async Task<LessonPrepView> GetAsync(Caller caller)
    {
        await RequireMemberAsync(caller);
        return View();
    }

    /// <summary>
    /// Validates what it can at once, then queues the op for the next op-log write and answers when that write is
    /// durable. The op is transformed and applied in the write, so nothing reads it before it is stored. With the caller
    /// already known as a member (the usual case) the call returns the op's outcome itself, with no continuation of its
    /// own to run on the activation when the write completes.
    /// </summary>
    public Task<OpAccepted> SubmitOpAsync(Caller caller, CommandId command, string section, long baseRevision, string opsJson)
    {
        try
        {
            EnsureConsistent();
            ValidateCommandId(command);
            var membership = RequireMemberAsync(caller);
            return membership.IsCompletedSuccessfully
                ? Enqueue(caller, command, section, baseRevision, opsJson)
                : EnqueueWhenMemberAsync(membership, caller, command, section, baseRevision, opsJson);
        }
        catch (Exception refusal)
        {
            return Task.FromException<OpAccepted>(refusal);
        }
    }

    private async Task<OpAccepted> EnqueueWhenMemberAsync(Task<string> membership, Caller caller, CommandId command, string section, long baseRevision, string opsJson)
    {
        await membership;
        return await Enqueue(caller, command, section, baseRevision, opsJson);
    }

    /// <summary>The outcome of the op: its first copy's when it is a resend, else that of the write that will carry it.</summary>
    private Task<OpAccepted> Enqueue(Caller caller, CommandId command, string section, long baseRevision, string opsJson)
    {
        EnsureConsistent();
        // An op still queued or being written is answered with its own outcome: checking the command log first would
        // acknowledge it before it is durable, since the write records it there as it applies it.
        var key = CommandKey.Of(caller, command);
        if (_unacknowledged.TryGetValue(key, out var pending))
        {
            LessonPrepMetrics.Waited();
            return pending;
        }
        var recorded = State.Commands.Find(key);
        if (recorded is not null)
        {
            return Task.FromResult(LiveJson.Deserialize<OpAccepted>(recorded));
        }
        TextOperation operation;
        try
        {
            operation = LessonPlanDocument.ParseSubmitted(opsJson);
        }
        catch (CollabException refusal)
        {
            LiveMetrics.Refused(Area, refusal.Code);
            throw;
        }
        var submitted = new SubmittedOp(caller, command, section, baseRevision, operation);
        _queued.Add(submitted);
        _unacknowledged[key] = submitted.Outcome.Task;
        if (_writingQueuedOps)
        {
            LessonPrepMetrics.Waited();
        }
        else
        {
            _writingQueuedOps = true;
            // Runs on this activation like any turn; each submitter awaits only its own op's outcome.
            _ = WriteQueuedOpsAsync();
        }
        return submitted.Outcome.Task;
    }

    /// <summary>
    /// Serializes every call but op submission (see the class remarks). Calls of other interfaces (Orleans' own
    /// extensions) pass straight through.
    /// </summary>
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        var ours = method?.DeclaringType == typeof(ILessonPrepGrain) || method?.DeclaringType == typeof(ILiveStreamGrain);
        // Handed on without an await of its own: every async layer a call passes through costs it one more turn on
        // the activation's scheduler when it completes, and ops are the calls a busy plan gets most.
        return !ours || method!.Name is nameof(SubmitOpAsync) or nameof(MemberRemovedAsync)
            ? context.Invoke()
            : InvokeInTurnAsync(context);
    }

    private async Task InvokeInTurnAsync(IIncomingGrainCallContext context)
    {
        await _turn.WaitAsync();
        try
        {
            await context.Invoke();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Writes queued ops, a batch per write, until none is left; never throws (each op gets its own outcome).</summary>
    private async Task WriteQueuedOpsAsync()
    {
        try
        {
            while (_queued.Count > 0)
            {
                await _turn.WaitAsync();
                try
                {
                    // Taken only now that the write may start: everything that arrived meanwhile joins this batch.
                    var batch = _queued.Take(_prep.OpsPerWrite).ToList();
                    _queued.RemoveRange(0, batch.Count);
                    await WriteBatchAsync(batch);
                }
                finally
                {
                    _turn.Release();
                }
            }
        }
        finally
        {
            _writingQueuedOps = false;
        }
    }

    /// <summary>
    /// Transforms and applies the batch's ops in arrival order (each against all before it, batch included), appends
    /// them in one write, and only then answers each. A refused op fails alone; a failed write fails them all as
    /// <c>unavailable</c> and discards the activation (LiveGrain), so no later call sees them.
    /// </summary>
    private async Task WriteBatchAsync(List<SubmittedOp> batch)
    {
        var accepted = new Dictionary<SubmittedOp, OpAccepted>();
        var refused = new Dictionary<SubmittedOp, CollabException>();
        Exception? failure = null;
        try
        {
            await WriteOpsAsync(() =>
            {
                foreach (var op in batch)
                {
                    try
                    {
                        RequireEditable();
                        accepted[op] = AcceptOp(op.Caller, op.Command, op.Section, op.BaseRevision, op.Operation);
                    }
                    catch (CollabException refusal)
                    {
                        LiveMetrics.Refused(Area, refusal.Code);
                        refused[op] = refusal;
                    }
                }
            });
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        if (failure is null && ReflectionUnreported())
        {
            // Before the ops are answered, so that a copy's author who sees the ack also finds the original told.
            await ReportReflectionAsync();
        }
        foreach (var op in batch)
        {
            _unacknowledged.Remove(CommandKey.Of(op.Caller, op.Command));
            if (refused.TryGetValue(op, out var refusal))
            {
                op.Outcome.SetException(refusal);
            }
            else if (failure is not null)
            {
                op.Outcome.SetException(failure);
            }
            else
            {
                op.Outcome.SetResult(accepted[op]);
            }
        }
        if (failure is null)
        {
            await SnapshotWhenDueAsync();
        }
    }

    /// <summary>Runs <paramref name="apply"/>, which accepts ops through <see cref="AcceptOp"/>, as one op-log write.</summary>
    private async Task WriteOpsAsync(Action apply)
    {
        _opRows = [];
        try
        {
            await RunAsync(apply);
        }
        finally
        {
            _opRows = null;
        }
    }

    /// <summary>
    /// Deletes rows behind the latest snapshot and the transform window, a bounded number per snapshot: activation reads
    /// rows from the snapshot's revision minus the window on, so older ones are never read again.
    /// </summary>
    private async Task PruneOpLogAsync()
    {
        var through = State.Revision - _prep.RecentOps;
        if (through <= 0)
        {
            return;
        }
        try
        {
            await opLog.PruneAsync(Id, through, _prep.PruneRowsPerSnapshot);
        }
        catch (Exception exception)
        {
            // Rows left behind cost only space; the next snapshot tries again.
            logger.LogWarning(exception, "Pruning the op log of {Plan} through revision {Revision} failed", Id, through);
        }
    }

    /// <summary>Tells the original, once, that this personal copy's reflection is written; a failure does not fail the op.</summary>
    private async Task ReportReflectionAsync()
    {
        if (State.ForkedFrom is not { } origin || !ReflectionUnreported())
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<ILessonPrepGrain>(origin).ForkReflectedAsync(Id);
            await RunAsync(() => State.ReflectionReported = true);
        }
        catch (Exception exception)
        {
            // The op itself is durable and acknowledged; the report is retried with the next op.
            logger.LogWarning(exception, "Telling {Origin} that copy {Fork} has its reflection failed", State.ForkedFrom, Id);
        }
    }

    private bool ReflectionUnreported() =>
        State.ForkedFrom is not null && !State.ReflectionReported
        && State.Sections.Find(s => s.Key == LessonPrepLimits.Reflection.Key) is { Text.Length: > 0 };

    /// <summary>
    /// Has the document take an op and records its command, for the running op write to append: the one path for
    /// edits and restores alike.
    /// </summary>
    private OpAccepted AcceptOp(Caller caller, CommandId command, string section, long baseRevision, TextOperation operation)
    {
        var rows = _opRows ?? throw new InvalidOperationException("an op is accepted only inside an op write");
        var applied = _document.Receive(section, baseRevision, operation);
        var wire = applied.Operation.ToWire();
        Emit(new OpAppliedEvent(applied.Revision, applied.Section, wire, caller.UserId, command.ClientId, command.ClientSeq));
        var accepted = new OpAccepted(applied.Revision);
        var resultJson = LiveJson.Serialize(accepted);
        State.Commands.Record(CommandKey.Of(caller, command), resultJson, Now, CommandLimits);
        rows.Add(new PendingRow(applied.Revision, applied.Section, LiveJson.Serialize(wire), caller.UserId, command, resultJson));
        return accepted;
    }

    /// <summary>
    /// Publishes at most <see cref="LessonPrepOptions.CursorMovesPerSecond"/> moves per user; a sooner move waits and a
    /// later one replaces it, so the latest position is always published, a little late at worst.
    /// </summary>
    public async Task MoveCursorAsync(Caller caller, string section, int anchor, int head)
    {
        await RequireMemberAsync(caller);
        var target = _document.Section(section);
        var length = CodePoints.Count(target.Text);
        if (anchor < 0 || head < 0 || anchor > length || head > length)
        {
            throw CollabException.Invalid($"a cursor in section {target.Key} lies within 0..{length}");
        }
        // The revision the positions refer to lets clients transform a cursor through the ops they apply around it.
        var move = new CursorMovedEvent(caller.UserId, target.Key, anchor, head, State.Revision);
        if (_cursors.TryPass(caller.UserId, move, Now))
        {
            EmitEphemeral(move);
        }
        else
        {
            _cursorTimer ??= this.RegisterGrainTimer(PublishWaitingCursorsAsync, Delay(_cursors.NextDue), Timeout.InfiniteTimeSpan);
        }
    }

    private Task PublishWaitingCursorsAsync(CancellationToken cancellationToken)
    {
        _cursorTimer?.Dispose();
        _cursorTimer = null;
        foreach (var (_, move) in _cursors.TakeDue(Now))
        {
            EmitEphemeral(move);
        }
        if (_cursors.NextDue is { } next)
        {
            _cursorTimer = this.RegisterGrainTimer(PublishWaitingCursorsAsync, Delay(next), Timeout.InfiniteTimeSpan);
        }
        return Task.CompletedTask;
    }

    private TimeSpan Delay(DateTimeOffset? due) => due is { } at && at > Now ? at - Now : TimeSpan.Zero;

    public async Task SetPhaseAsync(Caller caller, string phase)
    {
        if (!LessonPrepPhases.IsKnown(phase))
        {
            throw CollabException.Invalid("phase is drafting, discussion or finalized");
        }
        await RequireLeadAsync(caller);
        if (State.Phase == phase)
        {
            return;
        }
        await RunAsync(() =>
        {
            State.Phase = phase;
            Emit(new PhaseChangedEvent(phase, caller.UserId));
        });
        // Each phase change keeps the plan as it entered that phase, so the discussion can be compared with the draft;
        // a plan at its cap still changes phase (finalizing must never be refused), it just keeps no copy of it.
        if (await VersionCountAsync() < LessonPrepLimits.Versions)
        {
            await SaveVersionCoreAsync(caller, $"phase: {phase}");
        }
    }

    public async Task<VersionSaved> SaveVersionAsync(Caller caller, string label)
    {
        await RequireMemberAsync(caller);
        var checkedLabel = TextFields.Required(label, "label", LessonPrepLimits.TitleLength);
        // Calls run one at a time under the turn, so the count cannot move between this check and the save.
        if (await VersionCountAsync() >= LessonPrepLimits.Versions)
        {
            throw CollabException.Conflict($"a plan keeps at most {LessonPrepLimits.Versions} versions");
        }
        return new VersionSaved(await SaveVersionCoreAsync(caller, checkedLabel));
    }

    private async Task<int> VersionCountAsync() => (await versions.ListAsync(Id)).Count;

    public async Task<IReadOnlyList<LessonVersionSummary>> ListVersionsAsync(Caller caller)
    {
        await RequireMemberAsync(caller);
        return await versions.ListAsync(Id);
    }

    public async Task<LessonVersionView> GetVersionAsync(Caller caller, string versionId)
    {
        await RequireMemberAsync(caller);
        return await versions.GetAsync(Id, versionId) ?? throw CollabException.NotFound($"version {versionId} of lesson plan {Id}");
    }

    /// <summary>
    /// Brings every section back to a version's text through ordinary ops (one per changed section), so history stays
    /// linear, collaborators simply see edits, and their pending ops transform against them as against anyone's.
    /// </summary>
    public async Task<OpAccepted> RestoreVersionAsync(Caller caller, string versionId)
    {
        await RequireLeadAsync(caller);
        RequireEditable();
        var version = await versions.GetAsync(Id, versionId) ?? throw CollabException.NotFound($"version {versionId} of lesson plan {Id}");
        await WriteOpsAsync(() =>
        {
            foreach (var saved in version.Sections)
            {
                var target = State.Sections.Find(s => s.Key == saved.Key);
                if (target is null || target.Text == saved.Text)
                {
                    continue;
                }
                AcceptOp(caller, new CommandId($"restore-{versionId}", State.Revision + 1), target.Key, State.Revision, TextDiff.Between(target.Text, saved.Text));
            }
        });
        await SnapshotWhenDueAsync();
        await RunAsync(() => Emit(new VersionRestoredEvent(versionId, State.Revision, caller.UserId)));
        return new OpAccepted(State.Revision);
    }

    private async Task<string> SaveVersionCoreAsync(Caller caller, string label)
    {
        var versionId = $"v{State.Revision}-{Guid.NewGuid():N}"[..20];
        var summary = new LessonVersionSummary(versionId, label, State.Revision, caller.UserId, Now);
        await versions.SaveAsync(Id, new LessonVersionView(summary, Sections()));
        await RunAsync(() => Emit(VersionSavedEvent.Of(summary)));
        return versionId;
    }

    public async Task AssignSectionAsync(Caller caller, string section, string? userId)
    {
        await RequireLeadAsync(caller);
        RequireEditable();
        var target = _document.Section(section);
        var assignee = string.IsNullOrWhiteSpace(userId) ? null : userId;
        if (assignee is not null && await GrainFactory.GetGrain<IGroupGrain>(State.GroupId!).GetMemberRoleAsync(assignee) is null)
        {
            throw CollabException.Invalid($"{assignee} is not a member of group {State.GroupId}");
        }
        await RunAsync(() =>
        {
            target.Assignee = assignee;
            Emit(new SectionAssignedEvent(target.Key, assignee, caller.UserId));
        });
    }

    public async Task<CommentAdded> AddCommentAsync(Caller caller, CommandId command, string section, int start, int end, string text)
    {
        await RequireMemberAsync(caller);
        return await RunAsync(caller, command, () =>
        {
            RequireEditable();
            var target = _document.Section(section);
            var length = CodePoints.Count(target.Text);
            if (start < 0 || end < start || end > length)
            {
                throw CollabException.Invalid($"a comment covers start..end within 0..{length} of section {target.Key}");
            }
            if (State.Comments.Count >= LessonPrepLimits.Comments)
            {
                throw CollabException.Conflict($"a plan holds at most {LessonPrepLimits.Comments} comments");
            }
            var comment = new LessonComment
            {
                Id = $"c{++State.CommentCount}",
                Section = target.Key,
                Start = start,
                End = end,
                Text = TextFields.Required(text, "text", LessonPrepLimits.CommentLength, trim: false),
                UserId = caller.UserId,
                Name = caller.Name,
                At = Now,
            };
            State.Comments.Add(comment);
            Emit(CommentView(comment));
            return new CommentAdded(comment.Id);
        });
    }

    public async Task ResolveCommentAsync(Caller caller, string commentId)
    {
        await RequireMemberAsync(caller);
        var comment = State.Comments.Find(c => c.Id == commentId) ?? throw CollabException.NotFound($"comment {commentId}");
        if (comment.Resolved)
        {
            return;
        }
        await RunAsync(() =>
        {
            comment.Resolved = true;
            comment.ResolvedBy = caller.UserId;
            Emit(new CommentResolvedEvent(commentId, caller.UserId));
        });
    }

    /// <summary>An op write appends one row per op (plus a snapshot now and then); every other command writes the plan.</summary>
    protected override async Task PersistAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson)
    {
        if (_opRows is null)
        {
            await WriteSnapshotAsync();
            _opsSinceSnapshot = 0;
            return;
        }
        if (_opRows.Count == 0)
        {
            return;
        }
        // An op write emits exactly one op.applied per accepted op, in order.
        if (events.Count != _opRows.Count)
        {
            throw new InvalidOperationException($"an op write of {Id} has {_opRows.Count} ops but {events.Count} events");
        }
        var rows = _opRows.Select((op, i) => new LessonOpRow(Id, events[i].Seq, op.Revision, op.Section, op.OpsJson, op.UserId,
            op.Command.ClientId, op.Command.ClientSeq, op.ResultJson, events[i].DataJson, events[i].At)).ToList();
        await opLog.AppendAsync(rows);
        LessonPrepMetrics.Written(rows.Count);
        _opsSinceSnapshot += rows.Count;
    }

    /// <summary>
    /// Writes the plan's state without its <c>op.applied</c> events: each is in its op-log row, so a snapshot is the plan
    /// itself (a few KiB) and not the whole window.
    /// </summary>
    private Task WriteSnapshotAsync() => WriteSnapshotWithoutAsync(OpAppliedEvent.Type);

    /// <summary>
    /// Every <see cref="LessonPrepOptions.SnapshotEveryOps"/> ops, after they are acknowledged (they are durable in the
    /// op log, so no edit waits for it), the plan is snapshotted and the rows behind it pruned. A failed snapshot loses
    /// nothing, since the rows after the last good one are replayed; the activation is dropped so that the next one
    /// starts from what the database holds.
    /// </summary>
    private async Task SnapshotWhenDueAsync()
    {
        if (_opsSinceSnapshot < _prep.SnapshotEveryOps)
        {
            return;
        }
        try
        {
            await WriteSnapshotAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Snapshotting lesson plan {Plan} at revision {Revision} failed; its ops stay in the op log", Id, State.Revision);
            DeactivateOnIdle();
            return;
        }
        _opsSinceSnapshot = 0;
        await PruneOpLogAsync();
    }

    protected override Task AuthorizeJoinAsync(Caller caller) => RequireMemberAsync(caller);

    protected override object BuildSnapshot(Caller caller) => new
    {
        id = Id,
        // The caller as the server knows them: a client tells its own op.applied by this user id with its command id.
        you = caller.UserId,
        groupId = State.GroupId,
        title = State.Title,
        subject = State.Subject,
        grade = State.Grade,
        phase = State.Phase,
        leadPreparer = State.LeadPreparer,
        forkedFrom = State.ForkedFrom,
        owner = State.Owner,
        forks = State.Forks,
        revision = State.Revision,
        sections = Sections(),
        comments = State.Comments.Select(CommentView).ToList(),
        online = OnlineUsersWith(caller),
    };

    private static CommentAddedEvent CommentView(LessonComment comment) =>
        new(comment.Id, comment.Section, comment.Start, comment.End, comment.Text, comment.UserId, comment.Name, comment.At, comment.Resolved, comment.ResolvedBy);

    private LessonPrepView View() =>
        new(Id, State.GroupId!, State.Title, State.Subject, State.Grade, State.Phase, State.LeadPreparer, State.Revision, Sections(),
            State.ForkedFrom, State.Owner, State.Forks);

    private List<LessonSectionView> Sections() =>
        State.Sections.Select(s => new LessonSectionView(s.Key, s.Title, s.Text, s.Assignee)).ToList();

    private static IReadOnlyList<SectionSpec> ValidSections(IReadOnlyList<SectionSpec>? requested)
    {
        if (requested is null || requested.Count == 0)
        {
            return LessonPrepLimits.DefaultSections;
        }
        if (requested.Count > LessonPrepLimits.Sections)
        {
            throw CollabException.TooLarge($"a plan has at most {LessonPrepLimits.Sections} sections");
        }
        var sections = requested
            .Select(s => new SectionSpec(
                TextFields.Required(s?.Key, "section key", LessonPrepLimits.ShortFieldLength),
                TextFields.Required(s?.Title, "section title", LessonPrepLimits.TitleLength)))
            .ToList();
        if (sections.DistinctBy(s => s.Key).Count() != sections.Count)
        {
            throw CollabException.Invalid("section keys must be unique");
        }
        return sections;
    }

    private void RequireEditable()
    {
        if (State.Phase == LessonPrepPhases.Finalized)
        {
            throw CollabException.Forbidden($"lesson plan {Id} is finalized and read-only");
        }
    }

    /// <summary>Re-applies a row the snapshot does not contain yet, exactly as the command that wrote it did.</summary>
    private void Replay(LessonOpRow row, TextOperation operation)
    {
        _document.Replay(row.Section, row.Revision, operation);
        var envelope = State.Log.Append(StreamName, OpAppliedEvent.Type, row.At, row.EventJson, null, RetainedEvents);
        if (envelope.Seq != row.Seq)
        {
            throw new InvalidOperationException($"op log of {Id} skips from seq {envelope.Seq - 1} to {row.Seq}");
        }
        State.Commands.Record(new CommandKey(row.UserId, row.ClientId, row.ClientSeq), row.ResultJson, row.At, CommandLimits);
    }

    private async Task<string> RequireMemberAsync(Caller caller)
    {
        var groupId = State.GroupId ?? throw CollabException.NotFound($"lesson plan {Id}");
        if (State.Owner is not null)
        {
            // A personal copy belongs to its owner alone, even should they leave the group.
            return caller.UserId == State.Owner
                ? GroupRoles.Leader
                : throw CollabException.Forbidden($"lesson plan {Id} is a personal copy of another teacher");
        }
        return await Membership(groupId).RoleOfAsync(caller.UserId) ?? throw NotMember(groupId);
    }

    private GroupMembership Membership(string groupId) =>
        _membership ??= new GroupMembership(() => GrainFactory.GetGrain<IGroupGrain>(groupId), new GroupWatcher(GroupWatcher.LessonPlan, Id),
            Time, LiveOptions.MembersRereadInterval);

    public Task MemberRemovedAsync(string userId)
    {
        _membership?.Removed(userId);
        if (State.Owner is null)
        {
            RevokeNow(userId);
        }
        return Task.CompletedTask;
    }

    private async Task RequireLeadAsync(Caller caller)
    {
        var role = await RequireMemberAsync(caller);
        if (caller.UserId != State.LeadPreparer && role != GroupRoles.Leader)
        {
            throw CollabException.Forbidden("only the lead preparer or the group leader may do this");
        }
    }

    private static CollabException NotMember(string groupId) =>
        new(ErrorCodes.NotMember, $"you are not a member of group {groupId}");

    private sealed record PendingRow(long Revision, string Section, string OpsJson, string UserId, CommandId Command, string ResultJson);

    /// <summary>An op waiting for its write; compared by reference, so two resends never share an entry by accident.</summary>
    private sealed class SubmittedOp(Caller caller, CommandId command, string section, long baseRevision, TextOperation operation)
    {
        public Caller Caller { get; } = caller;
        public CommandId Command { get; } = command;
        public string Section { get; } = section;
        public long BaseRevision { get; } = baseRevision;
        public TextOperation Operation { get; } = operation;
        public TaskCompletionSource<OpAccepted> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
