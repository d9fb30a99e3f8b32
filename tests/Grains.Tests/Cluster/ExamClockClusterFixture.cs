using Collab.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// A test cluster whose grain clock is a <see cref="FakeTimeProvider"/>: what the exam grains read as the time (the
/// grains' keyed <see cref="TimeProvider"/>), and what drives their grain timers and reminders (<see cref="FakeGrainClock"/>),
/// so a pause, a resume and a deadline happen when a test moves <see cref="Clock"/>, never by themselves.
/// </summary>
public sealed class ExamClockClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<ClusterFixture.SiloSetup>()
        .AddSiloBuilderConfigurator<ExamClockSetup>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains);

    public InMemoryPeopleLookup People => Services.GetRequiredService<InMemoryPeopleLookup>();

    /// <summary>The reminders as the silo stores them, to see where a deadline's durable backstop stands.</summary>
    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public Task DeactivateAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private sealed class ExamClockSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            // The grains' and the reminders' clock only: Orleans' own upkeep (the reminder service's start among it) stays
            // on real time, or it would wait for a test to move the clock.
            FakeGrainClock.Install(silo.Services, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ExamClockClusterCollection : ICollectionFixture<ExamClockClusterFixture>
{
    public const string Name = "exam-clock-cluster";
}
