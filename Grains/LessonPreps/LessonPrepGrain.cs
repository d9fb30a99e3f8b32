using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.LessonPreps.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Groups;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Collab.Grains.LessonPreps.LessonPrepRules;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// A lesson plan edited live (PROTOCOL §2): the wiring of its OT document (<see cref="LessonPlanDocument"/>), its op
/// group commit (<see cref="OpBatchQueue"/>), its rules and views to the engine. An accepted op is one row in the op
/// log, not a rewrite of the plan; the plan itself is written for every other command and as a snapshot every
/// <see cref="LessonPrepOptions.SnapshotEveryOps"/> ops.
/// </summary>
/// <remarks>
/// The grain is not reentrant: Orleans runs its turns one at a time, each to its end, awaits included. Two calls
/// interleave, and neither reads or changes the plan: <see cref="SubmitOpAsync"/> validates and queues an op, and when no
/// op write is under way starts one as a call of the plan to itself (<see cref="ILessonOpWriter"/>), a turn like any
/// other; <see cref="MemberRemovedAsync"/> forgets a member. So ops arriving during an op-log write go out together in
/// the next, each acknowledged once durable, and no command sees state an op-log write has not made durable yet.
/// A turn's awaits cannot deadlock: the plan waits on its storage, its group (which calls it back only with the
/// interleaving <see cref="MemberRemovedAsync"/>), a fork just named by the Api (whose CreateFork calls nothing), and a
/// personal copy on its original (whose calls never go to its copies).
/// </remarks>
public sealed partial class LessonPrepGrain(
    [PersistentState("lessonprep", StorageNames.Default)] IPersistentState<LessonPrepState> store,
    ILessonOpLog opLog,
    ILessonVersionStore versions,
    IOptions<LessonPrepOptions> prepOptions,
    IOptions<LiveStreamOptions> options,
    TimeProvider time,
    ILogger<LessonPrepGrain> logger)
    : LiveGrain<LessonPrepState>(store, options, time, logger), ILessonPrepGrain, ILessonOpWriter, IRemindable
{
    private readonly LessonPrepOptions _prep = prepOptions.Value;
    private readonly OpBatchQueue _batches = new(prepOptions.Value.OpsPerWrite);
    private CursorPublisher<CursorMovedEvent> _cursors = null!;
    private GroupMembership? _membership;
    private LessonOpJournal _journal = null!;
    private LessonVersions _versions = null!;
    private ReminderOutbox _outbox = null!;

    /// <summary>The plan's text and its transform window; made at activation, over the state just read.</summary>
    private LessonPlanDocument _document = null!;

    /// <summary>The rows the running op write appends; null while any other command writes.</summary>
    private LessonOpWrite? _opWrite;

    protected override string Area => "lessonprep";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _document = new LessonPlanDocument(State, _prep.RecentOps);
        _journal = new LessonOpJournal(opLog, Id, _prep, logger);
        _versions = new LessonVersions(versions, Id);
        _cursors = new(TimeSpan.FromSeconds(1.0 / Math.Max(1, _prep.CursorMovesPerSecond)), () => Now, move => EmitEphemeral(move),
            delay => this.RegisterGrainTimer(_ => PublishDueCursors(), delay, Timeout.InfiniteTimeSpan));
        _outbox = new ReminderOutbox(this, "fork-outbox", _prep.ForkReportDelay, _prep.ForkReminderPeriod, new Outbox(
            new OutboxDelivery(() => State.Owner is not null && !State.Listed, ListForOwnerAsync),
            new OutboxDelivery(() => State.Owner is not null && ForkReflections.Due(State, Id, Now) is not null, ReportReflectionAsync)), logger);
        if (State.GroupId is null)
        {
            return;
        }
        await _journal.RestoreAsync(State, _document, StreamName, RetainedEvents, CommandLimits);
        await _outbox.RequestWhenOwedAsync();
    }

    /// <summary>Ops still queued would never be written by this activation: they fail, to be resent to the next one.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _batches.FailQueued(new CollabException(ErrorCodes.Unavailable, "the lesson plan is moving; send the op again"));
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<LessonPrepView> CreateAsync(Caller caller, string groupId, CreateLessonPrep command)
    {
        RequireNew(State, Id);
        var fields = LessonPlanSetup.Checked(groupId, command);
        _ = await Membership(fields.GroupId).RoleOfAsync(caller.UserId) ?? throw NotMember(fields.GroupId);
        return await RunAsync(() =>
        {
            LessonPlanSetup.Start(State, fields, caller, Now);
            return LessonPrepViews.View(Id, State);
        });
    }

    public async Task<LessonPrepView> ForkAsync(Caller caller, string forkId)
    {
        await RequireMemberAsync(caller);
        RequireMayFork(State, caller);
        var source = new ForkSource(Id, State.GroupId!, State.Title, State.Subject, State.Grade, LessonPrepViews.Sections(State));
        var copy = await GrainFactory.GetGrain<ILessonPrepGrain>(forkId).CreateForkAsync(caller, source);
        await RunAsync(() =>
        {
            var record = new ForkRecord(forkId, caller.UserId, caller.Name, Now, Reflected: false);
            State.Forks.Add(record);
            Emit(PlanForkedEvent.Of(record));
        });
        return copy;
    }

    /// <summary>A report from a copy whose owner has left the group is acknowledged and not kept: what they shared stays.</summary>
    public async Task ForkReflectionAsync(ForkReflection report)
    {
        if (ForkReflections.CopyOf(State, report) is not { } fork || State.GroupId is null
            || await Membership(State.GroupId).RoleOfAsync(fork.UserId) is null)
        {
            return;
        }
        if (ForkReflections.Keep(State, report) is { } kept)
        {
            await RunAsync(() => Emit(ForkReflectedEvent.Of(kept)));
        }
    }

    /// <summary>The reminder first, so a copy written but not yet listed is listed whatever happens to this call.</summary>
    public async Task<LessonPrepView> CreateForkAsync(Caller caller, ForkSource source)
    {
        RequireNew(State, Id);
        await _outbox.RequestAsync();
        var copy = await RunAsync(() =>
        {
            LessonPlanSetup.StartCopy(State, source, caller, Now);
            return LessonPrepViews.View(Id, State);
        });
        await _outbox.SendAsync();
        return copy;
    }

    public async Task<LessonCopySummary> CopySummaryAsync(Caller caller)
    {
        await RequireMemberAsync(caller);
        return LessonPrepViews.CopySummary(Id, State) ?? throw CollabException.NotFound($"personal copy {Id}");
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => _outbox.ReceiveReminderAsync(reminderName);

    /// <summary>
    /// What a personal copy owes: its id to its owner's list, its reflection to its original. Each is durable there before
    /// it is marked sent here, and both are idempotent, so sending again after a failure that hid their success changes nothing.
    /// </summary>
    private async Task ListForOwnerAsync()
    {
        await GrainFactory.GetGrain<IUserLessonCopiesGrain>(State.Owner!).AddAsync(Id);
        await RunAsync(() => State.Listed = true);
    }

    private async Task ReportReflectionAsync()
    {
        var report = ForkReflections.Due(State, Id, Now)!;
        await GrainFactory.GetGrain<ILessonPrepGrain>(State.ForkedFrom!).ForkReflectionAsync(report);
        await RunAsync(() => ForkReflections.Confirmed(State, report));
    }

    public async Task<LessonPrepView> GetAsync(Caller caller)
    {
        await RequireMemberAsync(caller);
        return LessonPrepViews.View(Id, State);
    }

    /// <summary>
    /// Validates what it can at once, queues the op for the next op-log write and answers when that write is durable;
    /// the op is transformed and applied in the write, so nothing reads it before it is stored. With the caller already
    /// known as a member (the usual case) the call returns the op's outcome itself, with no continuation of its own to
    /// run on the activation when the write completes.
    /// </summary>
    public Task<OpAccepted> SubmitOpAsync(Caller caller, CommandId command, string section, long baseRevision, string opsJson)
    {
        try
        {
            EnsureConsistent();
            ValidateCommandId(command);
            var membership = RequireMemberAsync(caller);
            return membership.IsCompletedSuccessfully
                ? Enqueue(CommandKey.Of(caller, command), section, baseRevision, opsJson)
                : EnqueueWhenMemberAsync(membership, CommandKey.Of(caller, command), section, baseRevision, opsJson);
        }
        catch (Exception refusal)
        {
            return Task.FromException<OpAccepted>(refusal);
        }
    }

    private async Task<OpAccepted> EnqueueWhenMemberAsync(Task<string> membership, CommandKey key, string section, long baseRevision, string opsJson)
    {
        await membership;
        return await Enqueue(key, section, baseRevision, opsJson);
    }

    private Task<OpAccepted> Enqueue(CommandKey key, string section, long baseRevision, string opsJson)
    {
        EnsureConsistent();
        try
        {
            var outcome = _batches.Submit(key, State.Commands.Find, section, baseRevision, () => _document.ParseSubmitted(section, opsJson), out var startWrite);
            if (startWrite)
            {
                StartOpWrite();
            }
            return outcome;
        }
        catch (CollabException refusal)
        {
            LiveMetrics.Refused(Area, refusal.Code);
            throw;
        }
    }

    // AsReference resolves the interface type by reflection, so the reference is made once per activation, not per op.
    private void StartOpWrite() => (_opWriter ??= this.AsReference<ILessonOpWriter>()).WriteQueuedOpsAsync().Ignore();

    private ILessonOpWriter? _opWriter;

    /// <summary>
    /// Writes one batch, then leaves the ops queued meanwhile to a call of its own, behind the commands already waiting.
    /// The batch's ops are transformed and applied in arrival order, appended in one write, and only then answered. A
    /// refused op fails alone; a failed write fails them all and every queued op as <c>unavailable</c>, and discards
    /// the activation (LiveGrain), so no later call sees them.
    /// </summary>
    public async Task WriteQueuedOpsAsync()
    {
        var batch = _batches.TakeBatch();
        try
        {
            await WriteOpsAsync(() => batch.Apply(op =>
            {
                RequireEditable(State, Id);
                return AcceptOp(op.Key, op.Section, op.BaseRevision, op.Change);
            }, refusal => LiveMetrics.Refused(Area, refusal.Code)));
        }
        catch (Exception failure)
        {
            _batches.Fail(batch, failure);
            return;
        }
        try
        {
            _batches.Settle(batch);
            await SnapshotWhenDueAsync();
            await _outbox.RequestWhenOwedAsync();
        }
        finally
        {
            if (_batches.EndWrite())
            {
                StartOpWrite();
            }
        }
    }

    /// <summary>Runs <paramref name="apply"/>, which accepts ops through <see cref="AcceptOp"/>, as one op-log write.</summary>
    private async Task WriteOpsAsync(Action apply)
    {
        _opWrite = new LessonOpWrite(Id, _document, State, CommandLimits);
        try
        {
            await RunAsync(apply);
        }
        finally
        {
            _opWrite = null;
        }
    }

    /// <summary>Has the document take an op and records its command, for the running op write: edits and restores alike.</summary>
    private OpAccepted AcceptOp(CommandKey key, string section, long baseRevision, SectionChange change)
    {
        var write = _opWrite ?? throw new InvalidOperationException("an op is accepted only inside an op write");
        var (applied, accepted) = write.Accept(key, section, baseRevision, change, Now);
        Emit(applied);
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
        RequireCursorWithin(target, anchor, head);
        // The revision the positions refer to lets clients transform a cursor through the ops they apply around it.
        _cursors.Move(caller.UserId, new CursorMovedEvent(caller.UserId, target.Key, anchor, head, State.Revision));
    }

    private Task PublishDueCursors()
    {
        _cursors.PublishDue();
        return Task.CompletedTask;
    }

    public async Task SetPhaseAsync(Caller caller, string phase)
    {
        RequireKnownPhase(phase);
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
        // Each phase change keeps the plan as it entered that phase, so the discussion can be compared with the draft.
        if (KeepsPhaseVersion(await _versions.CountAsync()))
        {
            await SaveVersionCoreAsync(caller, $"phase: {phase}");
        }
    }

    public async Task<VersionSaved> SaveVersionAsync(Caller caller, string label)
    {
        await RequireMemberAsync(caller);
        var checkedLabel = TextFields.Required(label, "label", LessonPrepLimits.TitleLength);
        // The grain runs one call at a time, so the count cannot move between this check and the save.
        RequireRoomForVersion(await _versions.CountAsync());
        return new VersionSaved(await SaveVersionCoreAsync(caller, checkedLabel));
    }

    public async Task<IReadOnlyList<LessonVersionSummary>> ListVersionsAsync(Caller caller)
    {
        await RequireMemberAsync(caller);
        return await _versions.ListAsync();
    }

    public async Task<LessonVersionView> GetVersionAsync(Caller caller, string versionId)
    {
        await RequireMemberAsync(caller);
        return await _versions.GetAsync(versionId);
    }

    /// <summary>
    /// Brings every section back to a version's text through ordinary ops (one per changed section), so history stays
    /// linear, collaborators simply see edits, and their pending ops transform against them as against anyone's.
    /// </summary>
    public async Task<OpAccepted> RestoreVersionAsync(Caller caller, string versionId)
    {
        await RequireLeadAsync(caller);
        RequireEditable(State, Id);
        var version = await _versions.GetAsync(versionId);
        await WriteOpsAsync(() =>
        {
            foreach (var (section, change) in LessonVersions.RestoreEdits(State, version))
            {
                AcceptOp(new CommandKey(caller.UserId, $"restore-{versionId}", State.Revision + 1), section, State.Revision, change);
            }
        });
        await SnapshotWhenDueAsync();
        await RunAsync(() => Emit(new VersionRestoredEvent(versionId, State.Revision, caller.UserId)));
        return new OpAccepted(State.Revision);
    }

    private async Task<string> SaveVersionCoreAsync(Caller caller, string label)
    {
        var summary = await _versions.SaveAsync(State, label, caller.UserId, Now);
        await RunAsync(() => Emit(VersionSavedEvent.Of(summary)));
        return summary.VersionId;
    }

    public async Task AssignSectionAsync(Caller caller, string section, string? userId)
    {
        await RequireLeadAsync(caller);
        RequireEditable(State, Id);
        var target = _document.Section(section);
        var assignee = Assignee(userId);
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
            RequireEditable(State, Id);
            var comment = LessonComments.Add(State, _document.Section(section), start, end, text, caller, Now);
            Emit(LessonPrepViews.Comment(comment));
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
    protected override Task PersistAsync(IReadOnlyList<EventEnvelope> events, CommandKey? command, string resultJson) =>
        _opWrite is null ? WriteSnapshotAsync() : _journal.AppendAsync(_opWrite, events);

    /// <summary>The plan without its <c>op.applied</c> events: each is in its op-log row, so a snapshot is a few KiB, not the window.</summary>
    private async Task WriteSnapshotAsync()
    {
        await WriteSnapshotWithoutAsync(OpAppliedEvent.Type);
        _journal.Snapshotted();
    }

    /// <summary>After acknowledging ops (durable in the op log); a failed snapshot drops the activation, to start again from the database.</summary>
    private async Task SnapshotWhenDueAsync()
    {
        if (!await _journal.SnapshotWhenDueAsync(WriteSnapshotAsync, State.Revision))
        {
            DeactivateOnIdle();
        }
    }

    protected override Task AuthorizeJoinAsync(Caller caller) => RequireMemberAsync(caller);

    protected override object BuildSnapshot(Caller caller) => LessonPrepViews.Snapshot(Id, State, caller.UserId, OnlineUsersWith(caller));

    private async Task<string> RequireMemberAsync(Caller caller)
    {
        var groupId = State.GroupId ?? throw CollabException.NotFound($"lesson plan {Id}");
        return RoleInPersonalCopy(State, Id, caller) ?? await Membership(groupId).RoleOfAsync(caller.UserId) ?? throw NotMember(groupId);
    }

    private async Task RequireLeadAsync(Caller caller) => RequireLead(State, caller, await RequireMemberAsync(caller));

    private GroupMembership Membership(string groupId) =>
        _membership ??= new GroupMembership(() => GrainFactory.GetGrain<IGroupGrain>(groupId), new GroupWatcher(GroupWatcher.LessonPlan, Id),
            Time, LiveOptions.MembersRereadInterval);

    /// <summary>Told by the group, which may itself be waiting on this plan: it interleaves, and only forgets and cuts off.</summary>
    public Task MemberRemovedAsync(string userId)
    {
        _membership?.Removed(userId);
        if (State.Owner is null)
        {
            RevokeNow(userId);
        }
        return Task.CompletedTask;
    }

    private static CollabException NotMember(string groupId) => new(ErrorCodes.NotMember, $"you are not a member of group {groupId}");
}
