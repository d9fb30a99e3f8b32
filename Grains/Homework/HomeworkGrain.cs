using Collab.Grains.Directory;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Homework;
using Collab.Grains.Interfaces.Homework.Events;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Homework;

/// <summary>
/// One homework for several classes (PROTOCOL §8), as wiring around <see cref="HomeworkDocument"/>, which holds its rules.
/// Durability, and what a silo crash leaves: the sheet (questions with keys, classes, students, due time, status) is the
/// grain state, written before creation and closing are answered. Each submission (<c>homework.submitted</c>, to its
/// student alone) and each mark (<c>homework.marked</c>, to the teachers) is a row of the one event log, appended before
/// the call is answered; a new activation reads the state and replays the rows after it, so every acknowledged
/// submission and mark is back and a resend is answered from the rebuilt command results.
/// The due time is the server's: a durable reminder (<see cref="DeadlineAlarm"/>), registered before the homework is
/// stored, wakes the grain at the due time wherever it is, and a grain timer does the same while it is active; either
/// closes it (<c>homework.closed</c>). A submission after the due time is refused whether or not it has closed yet.
/// Every member's list of homework (<see cref="IUserHomeworkGrain"/>, their home page) is told of it from an outbox: the
/// members not yet listed are part of the state, and a reminder registered before the homework is stored lists them
/// until none is left, whatever failed or restarted meanwhile.
/// </summary>
public sealed class HomeworkGrain(
    [PersistentState("homework", StorageNames.Default)] IPersistentState<HomeworkState> store,
    IOptions<HomeworkOptions> homeworkOptions,
    IOptions<LiveStreamOptions> options,
    IPeopleLookup people,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<HomeworkGrain> logger)
    : LiveGrain<HomeworkState>(store, options, time, logger), IHomeworkGrain, IRemindable
{
    public const string StaffGroup = "staff";

    private DeadlineAlarm? _alarm;
    private ReminderOutbox? _listing;

    protected override string Area => "homework";

    protected override IReadOnlySet<string> LoggedEventTypes { get; } =
        new HashSet<string> { HomeworkSubmittedEvent.Type, HomeworkMarkedEvent.Type };

    private HomeworkDocument Homework => new(Id, State);

    private DeadlineAlarm Alarm => _alarm ??= new DeadlineAlarm(this, homeworkOptions.Value.DueReminderPeriod);

    private ReminderOutbox Listing => _listing ??= new ReminderOutbox(this, "homework-listing", homeworkOptions.Value.ListingDelay,
        homeworkOptions.Value.ListingReminderPeriod, new Outbox(new OutboxDelivery(() => Homework.Unlisted.Count > 0, ListMembersAsync)), logger);

    protected override void Apply(EventEnvelope logged) => Homework.Replay(logged.Type, logged.DataJson);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Only before the due time: once it has passed, the reminder closes the homework (the grain might as well, but the
        // reminder must, since no activation may exist at that moment).
        if (Homework.Exists && Homework.Sheet.Status == HomeworkStatuses.Open && Now < Homework.Sheet.DueAt)
        {
            ArmTimer();
        }
        await Listing.RequestWhenOwedAsync();
    }

    public async Task<HomeworkSummary> CreateAsync(Caller caller, string specJson)
    {
        var plan = HomeworkSetup.Check(caller, specJson, Now);
        if (Homework.Exists)
        {
            throw CollabException.Conflict($"homework {Id} already exists");
        }
        var classes = new List<Interfaces.Directory.DirectoryClass>();
        foreach (var classId in plan.ClassIds)
        {
            classes.Add(await people.ClassAsync(classId) ?? throw CollabException.NotFound($"class {classId} in the directory"));
        }
        var teachers = await people.PeopleAsync(classes.SelectMany(found => found.TeacherIds).Distinct().ToList());
        var built = HomeworkSetup.Build(caller, plan, classes, teachers, Now);
        // The durable backstop first: a homework is never stored without it, and a reminder left by a create that failed
        // to write finds no homework and removes itself.
        await Alarm.ScheduleReminderAsync(built.Sheet.DueAt - Now);
        await Listing.RemindAsync();
        await RunAsync(() => Homework.Create(built));
        ArmTimer();
        // After the homework is durable, so no list names a homework that does not exist.
        await Listing.SendAsync();
        return Homework.Summary(caller, Now);
    }

    public Task<HomeworkSummary> SummaryAsync(Caller caller)
    {
        Homework.RequireViewer(caller);
        return Task.FromResult(Homework.Summary(caller, Now));
    }

    public Task<string> ViewAsync(Caller caller)
    {
        Homework.RequireViewer(caller);
        return Task.FromResult(LiveJson.Serialize(HomeworkViews.For(Homework, caller, Now)));
    }

    public Task<HomeworkSubmitted> SubmitAsync(Caller caller, CommandId command, string answersJson) =>
        RunAsync(caller, command, () =>
        {
            var submitted = Homework.Submit(caller, answersJson, Now);
            Emit(submitted, audience: caller.UserId);
            return new HomeworkSubmitted(submitted.At, submitted.Revision);
        });

    public Task<HomeworkResults> ResultsAsync(Caller caller, string? classId) => Task.FromResult(Homework.Results(caller, classId));

    public Task<HomeworkMarkingTask?> NextToMarkAsync(Caller caller, string questionId) => Task.FromResult(Homework.NextToMark(caller, questionId));

    public Task<HomeworkMarked> MarkAsync(Caller caller, CommandId command, HomeworkMark mark) =>
        RunAsync(caller, command, () =>
        {
            var marked = Homework.Mark(caller, mark, Now);
            Emit(marked, audienceGroup: StaffGroup);
            return new HomeworkMarked(marked.At, Homework.Unmarked(caller));
        });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await Listing.ReceiveReminderAsync(reminderName) || reminderName != DeadlineAlarm.ReminderName)
        {
            return;
        }
        await CloseWhenDueAsync();
        if (!Homework.Exists || Homework.Sheet.Status == HomeworkStatuses.Closed)
        {
            await Alarm.CancelReminderAsync();
        }
    }

    protected override Task AuthorizeJoinAsync(Caller caller)
    {
        Homework.RequireViewer(caller);
        return Task.CompletedTask;
    }

    protected override IReadOnlyList<string> AudienceGroupsOf(Caller caller) => Homework.IsStaff(caller) ? [StaffGroup] : [];

    protected override object BuildSnapshot(Caller caller) => HomeworkViews.For(Homework, caller, Now);

    private async Task CloseWhenDueAsync()
    {
        if (Homework.WouldClose(Now))
        {
            await RunAsync(() => Emit(Homework.Close(Now)));
            Alarm.Disarm();
        }
    }

    private void ArmTimer() => Alarm.Arm(Homework.Sheet.DueAt - Now, DueTickAsync);

    /// <summary>The timer keeps Orleans' grain clock, the due time the injected one: a tick that came early arms it again.</summary>
    private async Task DueTickAsync()
    {
        if (Homework.Sheet.Status != HomeworkStatuses.Open)
        {
            return;
        }
        if (Now < Homework.Sheet.DueAt)
        {
            ArmTimer();
            return;
        }
        try
        {
            await CloseWhenDueAsync();
            await Alarm.CancelReminderAsync();
        }
        catch (Exception exception)
        {
            // Submissions are refused by the clock anyway; the reminder's next tick closes it.
            logger.LogWarning(exception, "Closing homework {Id} at its due time failed; the reminder retries", Id);
        }
    }

    /// <summary>Idempotent at each list, so a member listed by a send whose record here failed is listed once.</summary>
    private Task ListMembersAsync() => Outbox.SendEachAsync(Homework.Unlisted.ToList(),
        userId => GrainFactory.GetGrain<IUserHomeworkGrain>(userId).AddAsync(Id), listed => RunAsync(() => Homework.Listed(listed)));
}
