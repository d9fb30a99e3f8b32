namespace Collab.Grains.Exams;

/// <summary>
/// An attempt's two alarms for its deadline: a grain timer while this activation holds the attempt, and a durable
/// reminder that wakes the attempt wherever it is when no silo holds it at that moment. Either only wakes it: the
/// attempt decides by its own clock whether the deadline has passed.
/// </summary>
internal sealed class DeadlineAlarm(IGrainBase grain, TimeSpan reminderPeriod)
{
    public const string ReminderName = "deadline";

    /// <summary>
    /// The least a timer waits: a wake that finds the deadline not yet come arms the timer again, and on a clock that
    /// stands still (a test's) a zero wait would wake it again at once, for ever.
    /// </summary>
    private static readonly TimeSpan LeastWait = TimeSpan.FromMilliseconds(1);

    private IGrainTimer? _timer;

    public void Arm(TimeSpan due, Func<Task> wake)
    {
        _timer?.Dispose();
        _timer = grain.RegisterGrainTimer(_ => wake(), due < LeastWait ? LeastWait : due, Timeout.InfiniteTimeSpan);
    }

    public void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>First due at <paramref name="due"/>, then every reminder period until cancelled.</summary>
    public Task ScheduleReminderAsync(TimeSpan due) => grain.RegisterOrUpdateReminder(ReminderName, due, reminderPeriod);

    public async Task CancelReminderAsync()
    {
        if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
