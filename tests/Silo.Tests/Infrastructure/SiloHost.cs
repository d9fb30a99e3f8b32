using Collab.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Collab.Silo.Tests.Infrastructure;

/// <summary>A real silo configured by the project's one Orleans configuration, on free loopback ports.</summary>
public static class SiloHost
{
    /// <param name="services">Registrations made before the project's own, which add theirs only where none is (a clock).</param>
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        services?.Invoke(builder.Services);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collab:Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Collab:Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo =>
        {
            silo.AddCollabSilo(builder.Configuration);
            // Lets a test reminder fire within seconds; production keeps Orleans' one-minute floor.
            silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task StopQuietlyAsync(this IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }
}
