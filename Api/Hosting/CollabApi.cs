using Collab.Api.Attachments;
using Collab.Api.Auth;
using Collab.Api.CityDirectory;
using Collab.Api.Classrooms;
using Collab.Api.Homework;
using Collab.Api.Dashboard;
using Collab.Api.Draining;
using Collab.Api.Errors;
using Collab.Api.Exams;
using Collab.Api.Groups;
using Collab.Api.Health;
using Collab.Api.LessonPreps;
using Collab.Api.Live;
using Collab.Api.Observations;
using Collab.Api.RateLimiting;
using Collab.Api.Tutoring;
using Collab.Api.WebClient;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Groups;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Grains.Interfaces.Live;
using Collab.Grains.Interfaces.Observations;
using Collab.Grains.Interfaces.Tutoring;
using Collab.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Collab.Api.Hosting;

/// <summary>Builds the Api: the co-hosted silo or the cluster client, auth, hubs, REST, health, limits.</summary>
public static class CollabApi
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Logging.AddCollabLogging(builder.Configuration);
        var settings = CollabSettings.From(builder.Configuration);

        if (settings.Options.Role == HostRoles.Cohosted)
        {
            builder.UseOrleans(silo => silo.AddCollabSilo(builder.Configuration));
        }
        else
        {
            builder.Services.AddCollabServices(builder.Configuration, settings);
            builder.UseOrleansClient(client => ConfigureClusterClient(client, settings, builder.Configuration));
        }

        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.AddManagementPort();
        builder.AddKnownProxies();
        builder.AddCollabAuthentication(settings);
        builder.AddAdminDashboard();
        builder.AddApiTelemetry();
        builder.Services.AddCollabRestRateLimiting(limits);
        builder.Services.Configure<JsonOptions>(json => LiveJson.Configure(json.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        builder.Services.AddSingleton<HubRateLimiter>();
        builder.Services.AddSingleton<HubConnectionGauge>();
        builder.Services.AddSingleton<NodeIdentity>();
        builder.Services.AddOptions<LiveBridgeOptions>().Bind(builder.Configuration.GetSection(LiveBridgeOptions.Section));
        builder.Services
            .AddSignalR(hubs =>
            {
                hubs.MaximumReceiveMessageSize = limits.MaxHubMessageBytes;
                hubs.AddFilter<HubConnectionGauge>();
                hubs.AddFilter<HubCallFilter>();
                hubs.AddFilter<DeactivatedUsers>();
            })
            .AddJsonProtocol(json => HubPayload(json.PayloadSerializerOptions))
            // Beside JSON, for clients that ask for it: the same fields, encoded as MessagePack.
            .AddMessagePackProtocol(messagePack => messagePack.SerializerOptions =
                Collab.Client.MessagePack.JsonShapedResolver.Options(HubPayload(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))));
        builder.Services.AddSingleton<IHubProtocol>(ErrorCodeHubProtocol.Json);
        builder.Services.AddSingleton<IHubProtocol>(ErrorCodeHubProtocol.MessagePack);
        builder.Services.AddLiveHub<GroupsHub, IGroupGrain>();
        builder.Services.AddLiveHub<LessonPrepHub, ILessonPrepGrain>();
        builder.Services.AddLiveHub<ExamHub, IExamGrain>();
        builder.Services.AddLiveHub<ExamHub, IExamAttemptGrain>();
        builder.Services.AddLiveHub<ObservationHub, IObservationGrain>();
        builder.Services.AddLiveHub<TutoringHub, ITutoringRoomGrain>();
        builder.Services.AddLiveHub<ClassroomHub, IClassroomGrain>();

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<DrainHealthCheck>("drain", tags: ["ready"])
            .AddCheck<DeactivationHealthCheck>("deactivated-users", tags: ["ready"]);
        builder.Services.AddOptions<DirectoryImportOptions>().Bind(builder.Configuration.GetSection(DirectoryImportOptions.Section));
        builder.Services.AddOptions<DeactivationWatchOptions>().Bind(builder.Configuration.GetSection(DirectoryImportOptions.Section));
        builder.Services.AddOptions<SignInClaimsOptions>().Bind(builder.Configuration.GetSection(DirectoryImportOptions.Section));
        builder.Services.AddSingleton<SignInClaims>();
        builder.Services.AddSingleton<DirectoryImporter>();
        builder.Services.AddSingleton<DeactivatedUsers>();
        builder.Services.AddHostedService<DeactivationWatch>();
        builder.Services.AddOptions<DrainOptions>().Bind(builder.Configuration.GetSection(DrainOptions.Section));
        builder.Services.AddSingleton<NodeDrain>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<NodeDrain>());
        var attachments = builder.Configuration.GetSection(AttachmentOptions.Section).Get<AttachmentOptions>() ?? new AttachmentOptions();
        builder.Services.AddOptions<AttachmentOptions>().Bind(builder.Configuration.GetSection(AttachmentOptions.Section));
        builder.Services.AddSingleton<AttachmentAccess>();

        var app = builder.Build();
        app.UseKnownProxies();
        app.UseExceptionHandler();
        app.UseManagementPort();
        app.UseRequestSizeProblem(limits);
        app.UseWebClient();
        app.UseAuthentication();
        app.UseDeactivatedUserRefusal();
        app.UseAdminDashboardSignIn();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapApiTelemetry();
        app.MapAdminDashboard();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapDevTokenEndpoints();
        app.MapAuthConfigEndpoints();
        app.MapDirectoryEndpoints();
        app.MapGroupEndpoints();
        app.MapHub<GroupsHub>("/hubs/groups", CloseOnExpiry);
        app.MapLessonPrepEndpoints();
        app.MapHub<LessonPrepHub>("/hubs/lessonprep", CloseOnExpiry);
        app.MapExamEndpoints();
        app.MapHub<ExamHub>("/hubs/exam", CloseOnExpiry);
        app.MapObservationEndpoints();
        app.MapHub<ObservationHub>("/hubs/observation", CloseOnExpiry);
        app.MapTutoringEndpoints();
        app.MapHub<TutoringHub>("/hubs/tutoring", CloseOnExpiry);
        app.MapClassroomEndpoints();
        app.MapHomeworkEndpoints();
        app.MapAttachmentEndpoints(attachments);
        app.MapHub<ClassroomHub>("/hubs/classroom", CloseOnExpiry);
        return app;
    }

    /// <summary>
    /// A connection ends when its token expires, as a request with that token would be refused. Roles are claims of the
    /// token, so a role taken away reaches an open connection at the latest when its token expires.
    /// </summary>
    private static void CloseOnExpiry(HttpConnectionDispatcherOptions connection) => connection.CloseOnAuthenticationExpiration = true;

    /// <summary>The hub payloads' JSON layout, which the MessagePack protocol reproduces too.</summary>
    private static System.Text.Json.JsonSerializerOptions HubPayload(System.Text.Json.JsonSerializerOptions json)
    {
        LiveJson.Configure(json);
        json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        return json;
    }

    private static IServiceCollection AddLiveHub<THub, TGrain>(this IServiceCollection services)
        where THub : Hub
        where TGrain : ILiveStreamGrain
    {
        services.AddSingleton<LiveStreamBridge<THub, TGrain>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDrainTarget, HubDrainTarget<THub>>());
        services.AddHostedService(provider => provider.GetRequiredService<LiveStreamBridge<THub, TGrain>>());
        return services;
    }

    private static void ConfigureClusterClient(IClientBuilder client, CollabSettings settings, IConfiguration configuration)
    {
        if (CollabTelemetry.RecordsTraces(configuration))
        {
            client.AddActivityPropagation();
        }
        if (AdminDashboardOptions.From(configuration).Enabled)
        {
            client.AddDashboard();
        }
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = settings.Options.Orleans.ClusterId;
            cluster.ServiceId = settings.Options.Orleans.ServiceId;
        });
        client.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = CollabSiloConfiguration.PostgresInvariant;
            clustering.ConnectionString = settings.PostgresConnectionString;
        });
        // The silos may still be starting: keep trying for a minute before giving up.
        var attempts = 0;
        client.UseConnectionRetryFilter(async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return ++attempts < 60;
        });
    }
}
