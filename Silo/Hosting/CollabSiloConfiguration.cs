using System.Net;
using Collab.Grains;
using Collab.Grains.Classrooms;
using Collab.Grains.Homework;
using Collab.Grains.Directory;
using Collab.Grains.Exams;
using Collab.Grains.Groups;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.LessonPreps;
using Collab.Grains.Live;
using Collab.Grains.Observations;
using Collab.Grains.Tutoring;
using Collab.Silo.Attachments;
using Collab.Silo.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace Collab.Silo.Hosting;

/// <summary>The one place that configures Orleans, for the headless silo and the Api's co-hosted silo alike.</summary>
public static class CollabSiloConfiguration
{
    /// <summary>Orleans' ADO.NET providers name SQLite by this invariant and load Microsoft.Data.Sqlite's factory for it.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";
    public const string PostgresInvariant = "Npgsql";

    public static ISiloBuilder AddCollabSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var settings = CollabSettings.From(configuration);
        var options = settings.Options;
        var endpoints = options.Orleans;

        silo.Services.AddCollabServices(configuration, settings);
        if (CollabTelemetry.RecordsTraces(configuration))
        {
            silo.AddActivityPropagation();
        }
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = endpoints.ClusterId;
            cluster.ServiceId = endpoints.ServiceId;
        });

        if (options.Clustering == ClusteringKinds.Postgres)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(endpoints.AdvertisedIP), endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = PostgresInvariant;
                clustering.ConnectionString = settings.PostgresConnectionString;
            });
        }
        else
        {
            silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort);
        }

        if (settings.UsesSqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
        }
        var (invariant, connectionString) = settings.UsesSqlite
            ? (SqliteInvariant, settings.SqliteConnectionString)
            : (PostgresInvariant, settings.PostgresConnectionString!);
        silo.AddAdoNetGrainStorage(StorageNames.Default, storage =>
        {
            storage.Invariant = invariant;
            storage.ConnectionString = connectionString;
        });
        // Registered after Orleans' own, so this is the storage grains get; it wraps the one Orleans would build.
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (services, name) => new TurnTakingGrainStorage(
            AdoNetGrainStorageFactory.Create(services, (string)name!), services.GetRequiredService<CollabDatabase>()));
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = invariant;
            reminders.ConnectionString = connectionString;
        });

        if (AdminDashboardOptions.From(configuration).Enabled)
        {
            silo.AddDashboard();
        }

        if (options.Database.Migrate)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();
        }
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AttachmentOrphanSweep>();
        return silo;
    }

    /// <summary>Services every host needs, silo or not: settings, the database, time, the live-stream bounds.</summary>
    public static IServiceCollection AddCollabServices(this IServiceCollection services, IConfiguration configuration, CollabSettings settings)
    {
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CollabDatabase>();
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddSingleton<LiveActivations>();
        services.TryAddSingleton<InProcessObservers>();
        services.AddOptions<LessonPrepOptions>().Bind(configuration.GetSection(LessonPrepOptions.Section));
        services.TryAddSingleton<ILessonOpLog, LessonOpLog>();
        services.TryAddSingleton<ILessonVersionStore, LessonVersionStore>();
        services.AddOptions<ExamOptions>().Bind(configuration.GetSection(ExamOptions.Section));
        services.TryAddSingleton<IExamAnswerTable, ExamAnswerTable>();
        services.TryAddSingleton<ExamAnswerStore>();
        services.TryAddSingleton<ICandidateIndex, CandidateIndexTable>();
        services.AddOptions<LiveStreamOptions>().Bind(configuration.GetSection(LiveStreamOptions.Section));
        services.TryAddSingleton<ILiveEventLog, LiveEventLog>();
        services.TryAddSingleton<IGroupCatalog, GroupCatalogTable>();
        services.AddOptions<ObservationOptions>().Bind(configuration.GetSection(ObservationOptions.Section));
        services.TryAddKeyedSingleton(ObservationGrain.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddOptions<TutoringOptions>().Bind(configuration.GetSection(TutoringOptions.Section));
        services.AddOptions<ClassroomOptions>().Bind(configuration.GetSection(ClassroomOptions.Section));
        services.AddOptions<HomeworkOptions>().Bind(configuration.GetSection(HomeworkOptions.Section));
        services.AddOptions<DirectoryOptions>().Bind(configuration.GetSection(DirectoryOptions.Section));
        services.TryAddSingleton<DirectoryStore>();
        services.TryAddSingleton<IDirectoryStore>(provider => provider.GetRequiredService<DirectoryStore>());
        services.TryAddSingleton<IPeopleLookup>(provider => provider.GetRequiredService<DirectoryStore>());
        services.TryAddSingleton<AttachmentTable>();
        services.TryAddSingleton<IAttachmentStore>(provider => settings.UsesSqlite
            ? ActivatorUtilities.CreateInstance<FolderAttachmentStore>(provider)
            : ActivatorUtilities.CreateInstance<DatabaseAttachmentStore>(provider));
        return services;
    }
}
