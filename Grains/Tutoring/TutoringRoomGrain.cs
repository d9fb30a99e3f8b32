using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Grains.Interfaces.Tutoring.Events;
using Collab.Grains.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Tutoring;

/// <summary>
/// A tutoring room (PROTOCOL §4). Session events (board, chat, start, warning, end) go only to the tutor and the
/// admitted student; queue positions go to each waiting student alone, as ephemeral <c>queue.changed</c> after the
/// queue is durable (a re-Join shows the position again). A running session's deadlines are checked by a grain timer
/// every <see cref="TutoringOptions.TickInterval"/> while the room is active, and by a durable reminder (first at the
/// slot's end, then every minute, Orleans' minimum period) that reactivates the room when no silo holds it.
/// </summary>
public sealed class TutoringRoomGrain(
    [PersistentState("tutoringroom", StorageNames.Default)] IPersistentState<TutoringRoomState> store,
    IOptions<TutoringOptions> tutoringOptions,
    IOptions<LiveStreamOptions> options,
    TimeProvider time,
    ILogger<TutoringRoomGrain> logger)
    : LiveGrain<TutoringRoomState>(store, options, time, logger), ITutoringRoomGrain, IRemindable
{
    private const string SlotReminder = "tutoring-slot";

    private readonly TutoringOptions _options = tutoringOptions.Value;
    private readonly SessionRules _rules = new(new SessionTimings(
        tutoringOptions.Value.WarningBefore, tutoringOptions.Value.NoShowGrace, tutoringOptions.Value.DisconnectGrace));

    private IGrainTimer? _ticker;

    /// <summary>Since when the admitted student has been offline; not persisted (presence is not), see OnActivateAsync.</summary>
    private DateTimeOffset? _studentOfflineSince;


    protected override string Area => "tutoring";

    /// <summary>Strokes and chat lines, a session's constant traffic, are rows of the event log rather than rewrites of the board.</summary>
    protected override IReadOnlySet<string> LoggedEventTypes { get; } = new HashSet<string> { StrokeDrawnEvent.Type, ChatPostedEvent.Type };

    protected override void Apply(EventEnvelope logged)
    {
        var session = State.Session ?? throw new InvalidOperationException($"{StreamName} logs {logged.Type} outside a session");
        if (logged.Type == StrokeDrawnEvent.Type)
        {
            var stroke = LiveJson.Deserialize<Stroke>(logged.DataJson);
            session.Board.Add(new BoardStroke(stroke.StrokeId, logged.DataJson));
            session.StrokesDrawn++;
            session.PointsDrawn += stroke.Points.Length;
        }
        else
        {
            State.MessageCount++;
            session.Chat.Add(LiveJson.Deserialize<ChatLine>(logged.DataJson));
        }
    }

    private TutoringRoomInfo Info => State.Info ?? throw CollabException.NotFound($"tutoring room {Id}");

    private TutoringQueue Queue => new(State.Queue, TutoringLimits.QueueCapacity);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Session is { StudentSeenAt: not null })
        {
            // Presence comes back only as the nodes re-subscribe: the disconnect grace starts now, not at the crash.
            _studentOfflineSince = Now;
        }
        if (State.Session is not null)
        {
            StartTicking();
        }
        if (State.Info is { Open: true })
        {
            ReportListing();
        }
    }

    public async Task<TutoringRoomInfo> CreateAsync(Caller caller, CreateTutoringRoom command)
    {
        if (!caller.IsTeacher)
        {
            throw CollabException.Forbidden("only teachers create tutoring rooms");
        }
        if (State.Info is not null)
        {
            throw CollabException.Conflict($"tutoring room {Id} already exists");
        }
        var title = TextFields.Required(command.Title, "title", TutoringLimits.TitleLength);
        var subject = TextFields.Required(command.Subject, "subject", TutoringLimits.SubjectLength);
        if (command.SlotMinutes is < TutoringLimits.MinSlotMinutes or > TutoringLimits.MaxSlotMinutes)
        {
            throw CollabException.Invalid($"slotMinutes is between {TutoringLimits.MinSlotMinutes} and {TutoringLimits.MaxSlotMinutes}");
        }
        await GrainFactory.GetGrain<ITutoringSubjectsGrain>(ITutoringSubjectsGrain.Key).AddAsync(TutoringSubjects.Key(subject));
        var info = await RunAsync<TutoringRoomInfo>(() =>
        {
            State.Info = new TutoringRoomInfo(Id, title, subject, command.SlotMinutes, caller.UserId, caller.Name, Open: false);
            return State.Info;
        });
        // After the room is durable, so the tutor's list never names a room that does not exist.
        await GrainFactory.GetGrain<ITutoringTutorGrain>(caller.UserId).AddRoomAsync(Id);
        return info;
    }

    public Task<TutoringRoomInfo> GetAsync() => Task.FromResult(Info);

    public async Task<TutoringRoomInfo> OpenAsync(Caller caller)
    {
        RequireTutor(caller);
        if (Info.Open)
        {
            return Info;
        }
        var info = await RunAsync<TutoringRoomInfo>(() =>
        {
            State.Info = Info with { Open = true };
            State.ListingVersion++;
            Emit(new RoomOpenedEvent(Id));
            return State.Info;
        });
        ReportListing();
        return info;
    }

    public async Task<TutoringRoomInfo> CloseAsync(Caller caller)
    {
        RequireTutor(caller);
        if (!Info.Open)
        {
            return Info;
        }
        var ended = State.Session;
        TutoringSessionRecord? record = null;
        var info = await RunAsync<TutoringRoomInfo>(() =>
        {
            if (ended is not null)
            {
                record = EndSession(SessionEndReasons.RoomClosed);
            }
            Queue.Clear();
            State.Info = Info with { Open = false };
            State.ListingVersion++;
            Emit(new RoomClosedEvent(Id));
            return State.Info;
        });
        await AfterSessionEndedAsync(record);
        ReportListing();
        return info;
    }

    public async Task<QueuePosition> RequestHelpAsync(Caller caller, CommandId command, string topic)
    {
        var before = Queue.Positions();
        var result = await RunAsync(caller, command, () =>
        {
            RequireOpen();
            if (caller.Role != Roles.Student)
            {
                throw CollabException.Forbidden("only students ask for help in a tutoring room");
            }
            if (State.Session?.StudentId == caller.UserId)
            {
                throw CollabException.Conflict("you are in a session in this room now");
            }
            var text = TextFields.Required(topic, "topic", TutoringLimits.TopicLength);
            var position = Queue.Request(new QueueEntry(caller.UserId, caller.Name, text, Now));
            if (Queue.Count != before.Count)
            {
                State.ListingVersion++;
            }
            return new QueuePosition(position);
        });
        AfterQueueChanged(before);
        return result;
    }

    public async Task CancelRequestAsync(Caller caller)
    {
        _ = Info;
        if (Queue.PositionOf(caller.UserId) is null)
        {
            return;
        }
        var before = Queue.Positions();
        await RunAsync(() =>
        {
            Queue.Cancel(caller.UserId);
            State.ListingVersion++;
        });
        AfterQueueChanged(before);
    }

    public async Task<SessionStarted> AdmitNextAsync(Caller caller)
    {
        RequireTutor(caller);
        RequireOpen();
        if (State.Session is not null)
        {
            throw CollabException.Conflict("a session is running; end it before admitting the next student");
        }
        if (Queue.Count == 0)
        {
            throw CollabException.Conflict("nobody is waiting");
        }
        var slot = _options.SlotMinute * Info.SlotMinutes;
        // The backstop is armed before the session exists: a failure here changes nothing, and a reminder left by a
        // failed write finds no session and removes itself.
        await this.RegisterOrUpdateReminder(SlotReminder, slot, TimeSpan.FromMinutes(1));
        var before = Queue.Positions();
        var started = await RunAsync<SessionStarted>(() =>
        {
            var next = Queue.TakeNext()!;
            State.SessionCount++;
            var session = new TutoringSession
            {
                SessionId = $"s{State.SessionCount}",
                StudentId = next.StudentId,
                StudentName = next.Name,
                Topic = next.Topic,
                StartedAt = Now,
                EndsAt = Now + slot,
                StudentSeenAt = IsOnline(next.StudentId) ? Now : null,
            };
            State.Session = session;
            State.ListingVersion++;
            var data = new SessionStarted(session.SessionId, session.StudentId, session.StudentName, session.Topic, session.StartedAt, session.EndsAt);
            Emit(SessionStartedEvent.Of(data), Participants);
            return data;
        });
        _studentOfflineSince = null;
        StartTicking();
        AfterQueueChanged(before);
        return started;
    }

    public async Task EndSessionAsync(Caller caller)
    {
        var session = RequireParticipant(caller);
        var reason = caller.UserId == session.StudentId ? SessionEndReasons.Student : SessionEndReasons.Tutor;
        TutoringSessionRecord? record = null;
        await RunAsync(() => record = EndSession(reason));
        await AfterSessionEndedAsync(record);
        ReportListing();
    }

    public async Task<DateTimeOffset> ExtendSessionAsync(Caller caller, int minutes)
    {
        RequireTutor(caller);
        var session = State.Session ?? throw CollabException.Conflict("no session is running");
        if (minutes is < 1 or > TutoringLimits.MaxExtendMinutes)
        {
            throw CollabException.Invalid($"minutes is between 1 and {TutoringLimits.MaxExtendMinutes}");
        }
        var endsAt = session.EndsAt + _options.SlotMinute * minutes;
        if (endsAt - session.StartedAt > _options.SlotMinute * TutoringLimits.MaxSessionMinutes)
        {
            throw CollabException.Conflict($"a session lasts at most {TutoringLimits.MaxSessionMinutes} minutes");
        }
        return await RunAsync<DateTimeOffset>(() =>
        {
            session.EndsAt = endsAt;
            Emit(new SessionExtendedEvent(session.SessionId, endsAt), Participants);
            return endsAt;
        });
    }

    public Task<StrokeAccepted> DrawStrokeAsync(Caller caller, CommandId command, StrokeInput stroke) =>
        RunAsync(caller, command, () =>
        {
            var session = RequireParticipant(caller);
            var accepted = StrokeRules.Validate(stroke, TutoringLimits.PointsPerStroke, caller.UserId, Now);
            if (session.StrokesDrawn >= TutoringLimits.StrokesPerSession)
            {
                throw CollabException.TooLarge($"a session has at most {TutoringLimits.StrokesPerSession} strokes");
            }
            if (session.PointsDrawn + accepted.Points.Length > TutoringLimits.PointsPerSession)
            {
                throw CollabException.TooLarge($"a session has at most {TutoringLimits.PointsPerSession} points in all its strokes");
            }
            if (session.Board.Exists(s => s.StrokeId == accepted.StrokeId))
            {
                throw CollabException.Conflict($"stroke {accepted.StrokeId} is already on the board");
            }
            session.Board.Add(new BoardStroke(accepted.StrokeId, LiveJson.Serialize(accepted)));
            session.StrokesDrawn++;
            session.PointsDrawn += accepted.Points.Length;
            Emit(new StrokeDrawnEvent(accepted.StrokeId, accepted.UserId, accepted.Points, accepted.Color, accepted.Width, accepted.At), Participants);
            return new StrokeAccepted(accepted.StrokeId, session.StrokesDrawn);
        });

    public async Task ClearBoardAsync(Caller caller)
    {
        var session = RequireParticipant(caller);
        await RunAsync(() =>
        {
            session.Board.Clear();
            Emit(new BoardClearedEvent(session.SessionId, caller.UserId), Participants);
        });
    }

    public Task<ChatAccepted> SendChatAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            var session = RequireParticipant(caller);
            var body = TextFields.Required(text, "text", TutoringLimits.ChatLength, trim: false);
            if (session.Chat.Count >= TutoringLimits.ChatPerSession)
            {
                throw CollabException.TooLarge($"a session has at most {TutoringLimits.ChatPerSession} chat messages");
            }
            State.MessageCount++;
            var line = new ChatLine($"c{State.MessageCount}", caller.UserId, caller.Name, body, Now, command.ClientId, command.ClientSeq);
            session.Chat.Add(line);
            Emit(new ChatPostedEvent(line.Id, line.UserId, line.Name, line.Text, line.At, line.ClientId, line.ClientSeq), Participants);
            return new ChatAccepted(line.Id, line.At);
        });

    public async Task<string> SaveNotesAsync(Caller caller, string text)
    {
        RequireTutor(caller);
        var notes = TextFields.Optional(text, "notes", TutoringLimits.NotesLength);
        if (State.Session is { } session)
        {
            await RunAsync(() => session.Notes = notes);
            return session.SessionId;
        }
        var last = State.History.Count > 0 ? State.History[^1] : throw CollabException.Conflict("no session to write notes for yet");
        var updated = last with { Notes = notes };
        await RunAsync(() => State.History[^1] = updated);
        await RecordForStudentAsync(updated);
        return updated.SessionId;
    }

    public Task<ChatAccepted> PostQueueMessageAsync(Caller caller, CommandId command, string text) =>
        RunAsync(caller, command, () =>
        {
            RequireTutor(caller);
            RequireOpen();
            var body = TextFields.Required(text, "text", TutoringLimits.QueueMessageLength, trim: false);
            State.MessageCount++;
            var id = $"q{State.MessageCount}";
            // Every joined client: the waiting students and whoever is in session (so participants see no seq gap).
            Emit(new QueueMessageEvent(id, body, Now));
            return new ChatAccepted(id, Now);
        });

    public Task<IReadOnlyList<TutoringSessionRecord>> HistoryAsync(Caller caller)
    {
        if (caller.UserId != Info.TutorId && !caller.IsAdmin)
        {
            throw CollabException.Forbidden($"only the tutor of room {Id} sees its sessions");
        }
        return Task.FromResult<IReadOnlyList<TutoringSessionRecord>>(State.History.AsEnumerable().Reverse().ToList());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Session is null)
        {
            await StopRemindingAsync();
            return;
        }
        await CheckSessionAsync();
    }

    /// <summary>Waiting students must not learn who else is in the room: only the tutor hears of comings and goings.</summary>
    protected override string? PresenceAudience(string userId) => State.Info?.TutorId ?? Id;

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        _ = Info;
        return Task.CompletedTask;
    }

    protected override object BuildSnapshot(Caller caller)
    {
        var room = Info;
        var session = State.Session;
        if (caller.UserId == room.TutorId)
        {
            return new
            {
                room,
                role = "tutor",
                queue = State.Queue.Select((e, i) => new { e.StudentId, e.Name, e.Topic, e.RequestedAt, position = i + 1 }),
                queueLength = State.Queue.Count,
                myPosition = (int?)null,
                online = OnlineUsersWith(caller),
                session = session is null ? null : SessionView(session, withNotes: true),
            };
        }
        var mine = session?.StudentId == caller.UserId ? session : null;
        return new
        {
            room,
            role = mine is not null ? "admitted" : "student",
            queue = Array.Empty<object>(),
            queueLength = State.Queue.Count,
            myPosition = Queue.PositionOf(caller.UserId),
            session = mine is null ? null : SessionView(mine, withNotes: false),
        };
    }

    private static object SessionView(TutoringSession session, bool withNotes) => new
    {
        session.SessionId,
        session.StudentId,
        session.StudentName,
        session.Topic,
        session.StartedAt,
        session.EndsAt,
        strokes = session.Board.Select(s => LiveJson.Deserialize<JsonElement>(s.Json)),
        chat = session.Chat,
        notes = withNotes ? session.Notes : null,
    };

    private IReadOnlyList<string> Participants => [Info.TutorId, State.Session!.StudentId];

    private TutoringSessionRecord EndSession(string reason)
    {
        var session = State.Session!;
        var audience = Participants;
        var record = new TutoringSessionRecord(session.SessionId, Id, Info.Title, Info.Subject, Info.TutorId, Info.TutorName,
            session.StudentId, session.StudentName, session.Topic, session.StartedAt, Now, reason, session.Notes,
            session.StrokesDrawn, session.Chat.Count);
        State.History.Add(record);
        if (State.History.Count > TutoringLimits.HistoryKept)
        {
            State.History.RemoveAt(0);
        }
        State.Session = null;
        State.ListingVersion++;
        DropStrokePointsFromRetainedEvents();
        Emit(new SessionEndedEvent(session.SessionId, session.StudentId, reason, record.EndedAt), audience);
        return record;
    }

    /// <summary>
    /// The retained event window is part of the room's state, written whole with every change: once a session is over,
    /// its strokes' points leave the window (their ids stay), so old boards do not weigh on every later write.
    /// </summary>
    private void DropStrokePointsFromRetainedEvents()
    {
        var events = State.Log.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var envelope = events[i];
            if (envelope.Seq > State.StrokesTrimmedThroughSeq && envelope.Type == "stroke.drawn")
            {
                var stroke = LiveJson.Deserialize<Stroke>(envelope.DataJson);
                events[i] = envelope with { DataJson = LiveJson.Serialize(new { stroke.StrokeId, stroke.UserId, stroke.At, trimmed = true }) };
            }
        }
        State.StrokesTrimmedThroughSeq = State.Log.Seq;
    }

    private async Task AfterSessionEndedAsync(TutoringSessionRecord? record)
    {
        if (record is null)
        {
            return;
        }
        StopTicking();
        _studentOfflineSince = null;
        await RecordForStudentAsync(record);
        await StopRemindingAsync();
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

    private void StartTicking() =>
        _ticker ??= this.RegisterGrainTimer(_ => CheckSessionAsync(),
            new GrainTimerCreationOptions(_options.TickInterval, _options.TickInterval) { KeepAlive = true });

    private void StopTicking()
    {
        _ticker?.Dispose();
        _ticker = null;
    }

    /// <summary>Applies whatever the session's deadlines call for now; called by the timer and the reminder.</summary>
    private async Task CheckSessionAsync()
    {
        if (State.Session is not { } session)
        {
            StopTicking();
            return;
        }
        var online = IsOnline(session.StudentId);
        _studentOfflineSince = online ? null : _studentOfflineSince ?? Now;
        if (online && session.StudentSeenAt is null)
        {
            await RunAsync(() => session.StudentSeenAt = Now);
        }
        var due = _rules.Decide(new SessionClock(session.StartedAt, session.EndsAt, session.StudentSeenAt, _studentOfflineSince, session.WarnedForEndsAt), Now);
        switch (due)
        {
            case SessionDue.Warning:
                await RunAsync(() =>
                {
                    session.WarnedForEndsAt = session.EndsAt;
                    var secondsLeft = (int)Math.Max(0, Math.Ceiling((session.EndsAt - Now).TotalSeconds));
                    Emit(new SessionWarningEvent(session.SessionId, session.EndsAt, secondsLeft), Participants);
                });
                break;
            case SessionDue.TimeUp or SessionDue.NoShow or SessionDue.Disconnected:
                TutoringSessionRecord? record = null;
                await RunAsync(() => record = EndSession(due switch
                {
                    SessionDue.NoShow => SessionEndReasons.NoShow,
                    SessionDue.Disconnected => SessionEndReasons.Disconnected,
                    _ => SessionEndReasons.TimeUp,
                }));
                await AfterSessionEndedAsync(record);
                ReportListing();
                break;
        }
    }

    /// <summary>Tells the tutor the whole queue and each waiting student whose place moved their new place.</summary>
    private void AfterQueueChanged(IReadOnlyDictionary<string, int> before)
    {
        var queue = Queue;
        var length = queue.Count;
        var moved = queue.MovedSince(before);
        if (moved.Count == 0 && length == before.Count)
        {
            return;
        }
        EmitEphemeral(new QueueChangedEvent(length, State.Queue.Select((e, i) => new QueuedStudent(e.StudentId, e.Name, e.Topic, e.RequestedAt, i + 1)).ToList(), null),
            Info.TutorId);
        foreach (var (studentId, position) in moved)
        {
            EmitEphemeral(new QueueChangedEvent(length, null, position), studentId);
        }
        if (length != before.Count)
        {
            ReportListing();
        }
    }

    private void ReportListing()
    {
        var room = Info;
        var listing = new RoomListing(Id, room.Title, room.Subject, room.TutorId, room.TutorName, room.SlotMinutes,
            State.Queue.Count, State.Session is not null, room.Open, State.ListingVersion);
        GrainFactory.GetGrain<ITutoringDirectoryGrain>(TutoringSubjects.Key(room.Subject)).ReportAsync(listing).Ignore();
    }

    private void RequireTutor(Caller caller)
    {
        if (caller.UserId != Info.TutorId)
        {
            throw CollabException.Forbidden($"only the tutor of room {Id} may do this");
        }
    }

    private void RequireOpen()
    {
        if (!Info.Open)
        {
            throw new CollabException(ErrorCodes.NotOpen, $"tutoring room {Id} is not open");
        }
    }

    /// <summary>The running session, when the caller is its tutor or its admitted student.</summary>
    private TutoringSession RequireParticipant(Caller caller)
    {
        var room = Info;
        var session = State.Session;
        if (session is not null && (caller.UserId == room.TutorId || caller.UserId == session.StudentId))
        {
            return session;
        }
        if (caller.UserId == room.TutorId)
        {
            throw CollabException.Conflict("no session is running");
        }
        throw new CollabException(ErrorCodes.NotAdmitted, $"you are not the admitted student of room {Id}");
    }
}
