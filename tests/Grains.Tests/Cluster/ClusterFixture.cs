using Collab.Grains.Directory;
using Collab.Grains.Exams;
using Collab.Grains.Groups;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;
using Collab.Grains.Observations;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Collab.Grains.Tests.Cluster;

/// <summary>An in-process Orleans test cluster running the real grains on switchable in-memory storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<SiloSetup>().Build();

    public IGrainFactory Grains => Cluster.Client;

    public GrainCallCounter Calls => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<GrainCallCounter>();

    public AnswerHold AnswerHold => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<AnswerHold>();

    public CallFault Faults => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<CallFault>();

    public InMemoryLiveEventLog LiveEvents => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<InMemoryLiveEventLog>();

    public InMemoryLessonOpLog LessonOps => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<InMemoryLessonOpLog>();

    public SwitchableStorage Storage => (SwitchableStorage)((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services
        .GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

    public InMemoryPeopleLookup People => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<InMemoryPeopleLookup>();

    public InMemoryGroupCatalog GroupCatalog => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<InMemoryGroupCatalog>();

    public InMemoryExamAnswerTable ExamAnswers => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<InMemoryExamAnswerTable>();

    /// <summary>The clock observation grains read; tests move it forward instead of waiting.</summary>
    public FakeTimeProvider ObservationClock => (FakeTimeProvider)((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services
        .GetRequiredKeyedService<TimeProvider>(ObservationGrain.ClockKey);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Deactivates every idle grain, so the next call reactivates it from storage.</summary>
    public Task DeactivateAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>The silo of every grain test: switchable storage, in-memory logs and tables, small bounds.</summary>
    internal sealed class SiloSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default,
                (services, _) => ActivatorUtilities.CreateInstance<SwitchableStorage>(services));
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.Configure<LiveStreamOptions>(options => options.RetainedEvents = 10);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<GrainCallCounter>();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<GrainCallCounter>());
            silo.Services.AddSingleton<AnswerHold>();
            silo.Services.AddSingleton<IOutgoingGrainCallFilter>(services => services.GetRequiredService<AnswerHold>());
            silo.Services.AddSingleton<CallFault>();
            silo.Services.AddSingleton<IOutgoingGrainCallFilter>(services => services.GetRequiredService<CallFault>());
            // Answered counts are reported on a long interval here, so a test sees exactly the calls that are not per answer.
            silo.Services.Configure<ExamOptions>(options => options.AnsweredReportInterval = TimeSpan.FromHours(1));
            silo.Services.AddSingleton<InMemoryLessonOpLog>();
            silo.Services.AddSingleton<InMemoryLiveEventLog>();
            silo.Services.AddSingleton<ILiveEventLog>(services => services.GetRequiredService<InMemoryLiveEventLog>());
            // A snapshot every few posts, so tests reach it, and the pruning behind it, quickly.
            silo.Services.Configure<LiveStreamOptions>(options => options.SnapshotEveryEvents = 5);
            silo.Services.AddSingleton<ILessonOpLog>(services => services.GetRequiredService<InMemoryLessonOpLog>());
            silo.Services.AddSingleton<ILessonVersionStore, InMemoryLessonVersionStore>();
            silo.Services.AddSingleton<InMemoryPeopleLookup>();
            silo.Services.AddSingleton<IPeopleLookup>(services => services.GetRequiredService<InMemoryPeopleLookup>());
            silo.Services.AddSingleton<ICandidateIndex, InMemoryCandidateIndex>();
            silo.Services.AddSingleton<InMemoryGroupCatalog>();
            silo.Services.AddSingleton<IGroupCatalog>(services => services.GetRequiredService<InMemoryGroupCatalog>());
            silo.Services.AddSingleton<InMemoryExamAnswerTable>();
            silo.Services.AddSingleton<IExamAnswerTable>(services => services.GetRequiredService<InMemoryExamAnswerTable>());
            silo.Services.AddSingleton<ExamAnswerStore>();
            // Small bounds, so tests reach the transform window's end and the snapshot interval in a few ops.
            silo.Services.Configure<LessonPrepOptions>(options =>
            {
                options.RecentOps = 20;
                options.SnapshotEveryOps = 5;
                // A copy reports soon, and retries every (real) second, so tests wait for it briefly.
                options.ForkReportDelay = TimeSpan.FromMilliseconds(50);
                options.ForkReminderPeriod = TimeSpan.FromSeconds(1);
            });
            silo.Services.AddKeyedSingleton<TimeProvider>(ObservationGrain.ClockKey, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)));
            // A report finalizes an hour (of the observation clock) after the end; its reminder checks every real second.
            silo.Services.Configure<ObservationOptions>(options =>
            {
                options.ReportFinalizesAfter = TimeSpan.FromHours(1);
                options.FinalizeReminderPeriod = TimeSpan.FromSeconds(1);
            });
            silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
