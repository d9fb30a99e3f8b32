using Collab.Grains.Live;

namespace Collab.Grains.LessonPreps;

/// <summary>
/// When a personal copy sends what it owes others (its place in its owner's list, its reflection to its original): a
/// grain timer sends shortly after the need arises, gathering the edits of that while into one send, and a reminder,
/// registered while anything is owed, sends again wherever the copy is should that send fail or its activation end first.
/// </summary>
internal sealed class ForkOutbox(IGrainBase grain, TimeSpan delay, TimeSpan reminderPeriod, Func<Task> send)
{
    public const string ReminderName = "fork-outbox";

    private readonly OneShotTimer _timer = new(grain, send);

    /// <summary>Whether this activation knows the reminder to be registered; a new activation learns it from a tick.</summary>
    private bool _reminded;

    /// <summary>Sends after the delay, with the reminder as the backstop; several requests in the delay make one send.</summary>
    public async Task RequestAsync()
    {
        _timer.Request(delay);
        if (!_reminded)
        {
            await grain.RegisterOrUpdateReminder(ReminderName, reminderPeriod, reminderPeriod);
            _reminded = true;
        }
    }

    public void Reminded() => _reminded = true;

    /// <summary>Nothing is owed any more: the reminder goes, if this activation knows of one.</summary>
    public async Task DoneAsync()
    {
        if (!_reminded)
        {
            return;
        }
        if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
        _reminded = false;
    }
}
