using Collab.Grains;

namespace Collab.Silo.Tests.Reminders;

public sealed class ReminderProbeGrain(
    [PersistentState("reminderprobe", StorageNames.Default)] IPersistentState<ReminderProbeState> state,
    ILocalSiloDetails silo)
    : Grain, IReminderProbeGrain, IRemindable
{
    private const string ReminderName = "deadline";

    public async Task ArmAsync(TimeSpan dueIn) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueIn, TimeSpan.FromMinutes(1));

    public Task<int> FiredCountAsync() => Task.FromResult(state.State.Fired);

    public Task<string?> FiredOnAsync() => Task.FromResult(state.State.FiredOn);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Fired++;
        state.State.FiredOn = silo.SiloAddress.ToString();
        await state.WriteStateAsync();
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}

[GenerateSerializer]
public sealed class ReminderProbeState
{
    [Id(0)]
    public int Fired { get; set; }

    [Id(1)]
    public string? FiredOn { get; set; }
}
