using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Silo.Tests.Reminders;

/// <summary>A deadline armed before a restart fires after it, though no silo held the grain when it came due.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_reminder_armed_before_a_restart_fires_after_it_on_sqlite()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-reminder-").FullName;
        try
        {
            await AssertReminderSurvivesRestartAsync(new Dictionary<string, string?> { ["Collab:DataDirectory"] = dataDirectory });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_reminder_armed_before_a_restart_fires_after_it_on_postgres()
    {
        await AssertReminderSurvivesRestartAsync(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["Collab:Clustering"] = "postgres",
            ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync(),
        });
    }

    private static async Task AssertReminderSurvivesRestartAsync(Dictionary<string, string?> settings)
    {
        var probeId = Guid.NewGuid().ToString("N");
        var first = await SiloHost.StartAsync(settings);
        await first.Grains().GetGrain<IReminderProbeGrain>(probeId).ArmAsync(TimeSpan.FromSeconds(8));
        await first.StopQuietlyAsync();

        var second = await SiloHost.StartAsync(settings);
        try
        {
            var probe = second.Grains().GetGrain<IReminderProbeGrain>(probeId);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await probe.FiredCountAsync() == 0)
            {
                await Task.Delay(200, timeout.Token);
            }
            Assert.Equal(1, await probe.FiredCountAsync());
            var secondSilo = second.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
            Assert.Equal(secondSilo, await probe.FiredOnAsync());
        }
        finally
        {
            await second.StopQuietlyAsync();
        }
    }
}
