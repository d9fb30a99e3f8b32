using Collab.TestSupport;
using Collab.Grains.Live;
using Collab.Grains.Tutoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// A test cluster whose grain clock is a <see cref="FakeTimeProvider"/> (<see cref="FakeGrainClock"/>), so the tutoring
/// room's deadlines, its ticker and its slot reminder come due when a test advances <see cref="Clock"/>, never by
/// themselves. A cluster of its own, because the other areas' grain tests expect their timers on real time.
/// </summary>
public sealed class TutoringClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<ClusterFixture.SiloSetup>()
        .AddSiloBuilderConfigurator<TutoringSetup>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains);

    public InMemoryLiveEventLog LiveEvents => Services.GetRequiredService<InMemoryLiveEventLog>();

    /// <summary>The directory homework grains read (they share this cluster's clock).</summary>
    public InMemoryPeopleLookup People => Services.GetRequiredService<InMemoryPeopleLookup>();

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public SwitchableStorage Storage => (SwitchableStorage)Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    public GrainCallCounter Calls => Services.GetRequiredService<GrainCallCounter>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public Task DeactivateAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private sealed class TutoringSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            FakeGrainClock.Install(silo.Services, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
            // A tick a minute of the fake clock: were the ticker on real time, no test would see it fire before its wait ends.
            silo.Services.Configure<TutoringOptions>(options =>
            {
                options.TickInterval = TimeSpan.FromMinutes(1);
                options.WarningBefore = TimeSpan.FromMinutes(1);
                options.NoShowGrace = TimeSpan.FromMinutes(3);
                options.DisconnectGrace = TimeSpan.FromMinutes(3);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TutoringClusterCollection : ICollectionFixture<TutoringClusterFixture>
{
    public const string Name = "tutoring-cluster";
}
