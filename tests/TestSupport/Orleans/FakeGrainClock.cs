using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;

namespace Collab.TestSupport;

/// <summary>
/// Compiled into the test projects that host Orleans (linked, as TestSupport itself has no Orleans reference).
/// Makes a fake clock Orleans' clock of grains (<see cref="TimeProviderNames.Grains"/>: what a grain that asks for it
/// reads, and what drives grain timers) and of reminders (<see cref="ReminderTimeProviderNames.Reminders"/>). The tutoring
/// room reads that clock, so its deadlines, its ticker and its slot reminder come due together when a test advances it.
/// Everything else (Orleans' own upkeep, the Api, tokens) keeps the host's real clock.
/// </summary>
public static class FakeGrainClock
{
    public static void Install(IServiceCollection services, FakeTimeProvider clock)
    {
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
    }
}
