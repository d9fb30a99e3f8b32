using Microsoft.Extensions.Logging;

namespace Collab.Grains.Live;

/// <summary>
/// When a grain sends its <see cref="Outbox"/>: a grain timer sends shortly after the need arises, gathering the changes
/// of that while into one send, and a reminder, registered while anything is owed, sends again wherever the grain is
/// should that send fail or its activation end first. Once nothing is owed the reminder goes.
/// </summary>
internal sealed class ReminderOutbox
{
    private readonly IGrainBase _grain;
    private readonly string _reminderName;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _reminderPeriod;
    private readonly Outbox _outbox;
    private readonly ILogger _logger;
    private readonly OneShotTimer _timer;

    /// <summary>Whether this activation knows the reminder to be registered; a new activation learns it from a tick.</summary>
    private bool _reminded;

    public ReminderOutbox(IGrainBase grain, string reminderName, TimeSpan delay, TimeSpan reminderPeriod, Outbox outbox, ILogger logger)
    {
        (_grain, _reminderName, _delay, _reminderPeriod, _outbox, _logger) = (grain, reminderName, delay, reminderPeriod, outbox, logger);
        _timer = new OneShotTimer(grain, SendAsync);
    }

    /// <summary>Arms the timer, and the reminder as the backstop; several requests within the delay make one send.</summary>
    public Task RequestAsync()
    {
        _timer.Request(_delay);
        return RemindAsync();
    }

    /// <summary>The reminder alone: registered before a change that owes is stored, nothing owed is ever without it.</summary>
    public async Task RemindAsync()
    {
        if (!_reminded)
        {
            await _grain.RegisterOrUpdateReminder(_reminderName, _reminderPeriod, _reminderPeriod);
            _reminded = true;
        }
    }

    /// <summary>Requests a send if anything is owed; a failure is only logged, what is owed being durable: the next change or activation requests again.</summary>
    public async Task RequestWhenOwedAsync()
    {
        if (!_outbox.Owes)
        {
            return;
        }
        try
        {
            await RequestAsync();
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Arming the {Reminder} sends of {Grain} failed; its next change or activation arms them again",
                _reminderName, _grain.GrainContext.GrainId);
        }
    }

    /// <summary>Sends what is owed now; a failure is logged and left to the reminder.</summary>
    public async Task SendAsync()
    {
        try
        {
            await _outbox.SendAsync();
            if (!_outbox.Owes)
            {
                await DoneAsync();
            }
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "A {Reminder} send of {Grain} failed; its reminder retries", _reminderName, _grain.GrainContext.GrainId);
        }
    }

    /// <summary>Sends if the reminder is this outbox's; false for any other reminder of the grain.</summary>
    public async Task<bool> ReceiveReminderAsync(string reminderName)
    {
        if (reminderName != _reminderName)
        {
            return false;
        }
        _reminded = true;
        await SendAsync();
        return true;
    }

    private async Task DoneAsync()
    {
        if (!_reminded)
        {
            return;
        }
        if (await _grain.GetReminder(_reminderName) is { } reminder)
        {
            await _grain.UnregisterReminder(reminder);
        }
        _reminded = false;
    }
}
