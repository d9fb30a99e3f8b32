using Microsoft.Extensions.DependencyInjection;

namespace Collab.Silo.Tests.Infrastructure;

/// <summary>
/// The real clock, running ahead by a fixed amount: a silo started on it lives "later" for everything that reads the
/// time (a deadline, a reminder's next tick), while its timers still wait real time, so the silo starts and delivers
/// reminders as in service. A <c>FakeTimeProvider</c> would stand still under the whole runtime.
/// </summary>
/// <remarks>
/// Only the grains (the injected clock, grain timers) and the reminders read it: membership, messaging and the other
/// maintenance loops keep the real clock (<see cref="Install"/>), or the silo would find its own liveness rows stale
/// and declare itself dead.
/// </remarks>
public sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + ahead;

    public static void Install(IServiceCollection services, TimeSpan ahead)
    {
        services.AddSingleton<TimeProvider>(new ShiftedClock(ahead));
        foreach (var area in new[] { TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers,
                     TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory })
        {
            services.AddKeyedSingleton(area, TimeProvider.System);
        }
    }
}
