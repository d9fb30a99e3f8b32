using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;
using Collab.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Tutoring;

/// <summary>
/// A tutoring room (PROTOCOL §4), as wiring around <see cref="TutoringRoomDocument"/>, which holds its rules: this grain
/// runs its changes as commands, sends the events it returns (queue positions as ephemeral <c>queue.changed</c> after
/// the queue is durable), keeps the directory and the tutor's and student's lists current, and checks the session's
/// deadlines by a grain timer every <see cref="TutoringOptions.TickInterval"/> while active and by a durable reminder
/// (first at the slot's end, then every minute, Orleans' minimum period) that reactivates the room when no silo holds it.
/// Its clock is Orleans' grain clock, the one that drives its timer (and, like every area's, the host's own by default).
/// </summary>
public sealed partial class TutoringRoomGrain(
    [PersistentState("tutoringroom", StorageNames.Default)] IPersistentState<TutoringRoomState> store,
    IOptions<TutoringOptions> tutoringOptions,
    IOptions<LiveStreamOptions> options,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<TutoringRoomGrain> logger)
    : LiveGrain<TutoringRoomState>(store, options, time, logger), ITutoringRoomGrain, IRemindable
{
    private const string SlotReminder = "tutoring-slot";

    private readonly TutoringOptions _options = tutoringOptions.Value;
    private readonly SessionRules _rules = new(tutoringOptions.Value.Timings);

    private SessionWatch? _watch;

    protected override string Area => "tutoring";

    /// <summary>Strokes and chat lines, a session's constant traffic, are rows of the event log rather than rewrites of the board.</summary>
    protected override IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string> { StrokeDrawnEvent.Type, ChatPostedEvent.Type };

    /// <summary>The document over the current state, which activation may have replaced.</summary>
    private TutoringRoomDocument Room => new(Id, State, _rules);

    private SessionWatch Watch => _watch ??= new(() => this.RegisterGrainTimer(_ => CheckSessionAsync(),
        new GrainTimerCreationOptions(_options.TickInterval, _options.TickInterval) { KeepAlive = true }));

    protected override void Apply(EventEnvelope logged) => Room.Replay(logged.Type, logged.DataJson);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Session is { } session)
        {
            Watch.Resume(session.StudentSeenAt is not null, Now);
        }
        if (State.Info is { Open: true })
        {
            ReportListing();
        }
    }

    public async Task<TutoringRoomInfo> CreateAsync(Caller caller, CreateTutoringRoom command)
    {
        var info = TutoringRoomSetup.Checked(Id, Room.Exists, caller, command);
        await GrainFactory.GetGrain<ITutoringSubjectsGrain>(ITutoringSubjectsGrain.Key).AddAsync(TutoringSubjects.Key(info.Subject));
        await RunAsync(() => Room.Create(info));
        // After the room is durable, so the tutor's list never names a room that does not exist.
        await GrainFactory.GetGrain<ITutoringTutorGrain>(caller.UserId).AddRoomAsync(Id);
        return info;
    }

    public Task<TutoringRoomInfo> GetAsync() => Task.FromResult(Room.Info);

    public async Task<TutoringRoomInfo> OpenAsync(Caller caller)
    {
        if (Room.WouldChange(caller, open: true))
        {
            await RunAsync(() => Emit(Room.Open()));
            ReportListing();
        }
        return Room.Info;
    }

    public async Task<TutoringRoomInfo> CloseAsync(Caller caller)
    {
        if (Room.WouldChange(caller, open: false))
        {
            await EndingAsync(() => Room.EndForClosing(Now), () => Emit(Room.Close()));
        }
        return Room.Info;
    }

    public async Task<QueuePosition> RequestHelpAsync(Caller caller, CommandId command, string topic)
    {
        var before = Room.Queue.Positions();
        var result = await RunAsync(caller, command, () => new QueuePosition(Room.RequestHelp(caller, topic, Now)));
        AfterQueueChanged(before);
        return result;
    }

    public async Task CancelRequestAsync(Caller caller)
    {
        if (!Room.IsWaiting(caller.UserId))
        {
            return;
        }
        var before = Room.Queue.Positions();
        await RunAsync(() => Room.CancelRequest(caller.UserId));
        AfterQueueChanged(before);
    }

    public async Task<SessionStarted> AdmitNextAsync(Caller caller)
    {
        var slot = Room.CheckAdmission(caller);
        // The backstop is armed before the session exists: a failure here changes nothing, and a reminder left by a
        // failed write finds no session and removes itself.
        await this.RegisterOrUpdateReminder(SlotReminder, slot, TimeSpan.FromMinutes(1));
        var before = Room.Queue.Positions();
        var started = await RunAsync(() =>
        {
            var session = Room.AdmitNext(caller, Now, IsOnline);
            Emit(session, Room.Participants);
            return new SessionStarted(session.SessionId, session.StudentId, session.StudentName, session.Topic, session.StartedAt, session.EndsAt);
        });
        Watch.Start();
        AfterQueueChanged(before);
        return started;
    }

    public Task EndSessionAsync(Caller caller) => EndingAsync(() => Room.EndByParticipant(caller, Now));

    public Task<DateTimeOffset> ExtendSessionAsync(Caller caller, int minutes) =>
        RunAsync(() =>
        {
            var extended = Room.Extend(caller, minutes);
            Emit(extended, Room.Participants);
            return extended.EndsAt;
        });

    public Task<StrokeAccepted> DrawStrokeAsync(Caller caller, CommandId command, StrokeInput stroke) =>
        RunAsync(caller, command, () =>
        {
            var drawn = Room.Board.Draw(caller, stroke, Now);
            Emit(drawn, Room.Participants);
            return new StrokeAccepted(drawn.StrokeId, Room.Session!.StrokesDrawn);
        });

    public Task ClearBoardAsync(Caller caller) => RunAsync(() => Emit(Room.Board.Clear(caller), Room.Participants));

    public Task<ChatAccepted> SendChatAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            var line = Room.Messages.Chat(caller, command, text, Now);
            Emit(line, Room.Participants);
            return new ChatAccepted(line.Id, line.At);
        });

    public async Task<string> SaveNotesAsync(Caller caller, string text)
    {
        var (sessionId, finished) = await RunAsync(() => Room.SaveNotes(caller, text));
        if (finished is not null)
        {
            await RecordForStudentAsync(finished);
        }
        return sessionId;
    }

    public Task<ChatAccepted> PostQueueMessageAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            var message = Room.Messages.QueueMessage(caller, text, Now);
            // Every joined client: the waiting students and whoever is in session (so participants see no seq gap).
            Emit(message);
            return new ChatAccepted(message.Id, message.At);
        });

    public Task<IReadOnlyList<TutoringSessionRecord>> HistoryAsync(Caller caller) => Task.FromResult(Room.History(caller));

    public Task AuthorizeFilesAsync(Caller caller)
    {
        Room.RequireFileSharer(caller);
        return Task.CompletedTask;
    }

    /// <summary>The slot's backstop; one that outlived its session removes itself.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => State.Session is null ? StopRemindingAsync() : CheckSessionAsync();

    /// <summary>Waiting students must not learn who else is in the room: only the tutor hears of comings and goings.</summary>
    protected override string? PresenceAudience(string userId) => State.Info?.TutorId ?? Id;

    /// <summary>The admitted student's disconnect grace counts from the moment the room hears they left, not the next tick.</summary>
    protected override void OnPresenceChanged(string userId, bool online)
    {
        if (State.Session?.StudentId == userId)
        {
            Watch.Observe(online, Now);
        }
    }

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        _ = Room.Info;
        return Task.CompletedTask;
    }

    protected override object BuildSnapshot(Caller caller) => TutoringRoomViews.Snapshot(Room.Info, State, caller.UserId, () => OnlineUsersWith(caller));

    /// <summary>
    /// Runs a change that may end the session (and <paramref name="then"/> in the same write), then does what an end calls
    /// for: no more deadline checks, the student's list, the reminder removed; and tells the directory.
    /// </summary>
    private async Task EndingAsync(Func<SessionEnd?> change, Action? then = null)
    {
        SessionEnd? ended = null;
        await RunAsync(() =>
        {
            ended = change();
            if (ended is not null)
            {
                Emit(ended.Ended, ended.Audience);
            }
            then?.Invoke();
        });
        if (ended is not null)
        {
            Watch.Stop();
            await RecordForStudentAsync(ended.Record);
            await StopRemindingAsync();
        }
        ReportListing();
    }

    private async Task RecordForStudentAsync(TutoringSessionRecord record)
    {
        try
        {
            await GrainFactory.GetGrain<ITutoringStudentGrain>(record.StudentId).RecordAsync(record);
        }
        catch (Exception exception)
        {
            // The room's own history has the session; only the student's list misses it.
            logger.LogWarning(exception, "Recording session {Session} of room {Room} for student {Student} failed", record.SessionId, Id, record.StudentId);
        }
    }

    private async Task StopRemindingAsync()
    {
        try
        {
            var reminder = await this.GetReminder(SlotReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception exception)
        {
            // A reminder left behind fires, finds no session and tries again.
            logger.LogWarning(exception, "Removing the slot reminder of room {Room} failed", Id);
        }
    }

    /// <summary>Applies whatever the session's deadlines call for now; called by the timer and the reminder.</summary>
    private async Task CheckSessionAsync()
    {
        if (State.Session is not { } session)
        {
            Watch.Stop();
            return;
        }
        var online = IsOnline(session.StudentId);
        var offlineSince = Watch.Observe(online, Now);
        if (online && session.StudentSeenAt is null)
        {
            await RunAsync(() => Room.MarkStudentSeen(Now));
        }
        var due = Room.Due(Now, offlineSince);
        if (due == SessionDue.Warning)
        {
            await RunAsync(() => Emit(Room.Warn(Now), Room.Participants));
        }
        else if (due != SessionDue.Nothing)
        {
            await EndingAsync(() => Room.EndAsDue(due, Now));
        }
    }

    /// <summary>Tells the tutor the whole queue and each waiting student whose place moved their new place.</summary>
    private void AfterQueueChanged(IReadOnlyDictionary<string, int> before)
    {
        foreach (var (change, audience) in TutoringRoomViews.QueueChanges(Room.Queue, before, Room.Info.TutorId))
        {
            EmitEphemeral(change, audience);
        }
        if (Room.Queue.Count != before.Count)
        {
            ReportListing();
        }
    }

    private void ReportListing()
    {
        var listing = TutoringRoomViews.Listing(State);
        GrainFactory.GetGrain<ITutoringDirectoryGrain>(TutoringSubjects.Key(listing.Subject)).ReportAsync(listing).Ignore();
    }
}
