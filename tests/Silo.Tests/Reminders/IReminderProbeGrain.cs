namespace Collab.Silo.Tests.Reminders;

/// <summary>A grain that arms a one-shot reminder and records, durably, when it fired.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task ArmAsync(TimeSpan dueIn);

    Task<int> FiredCountAsync();

    /// <summary>The silo that received the reminder.</summary>
    Task<string?> FiredOnAsync();
}
