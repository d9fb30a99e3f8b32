using Collab.Grains.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Collab.Silo.Hosting;

/// <summary>
/// OpenTelemetry for every host: Orleans', Npgsql's and the project's own meters and traces. The OTLP exporter is
/// on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>Collab:Telemetry:OtlpEndpoint</c>) is set; hosts add more
/// through <paramref name="metrics"/> and <paramref name="tracing"/> (the Api adds ASP.NET Core and Prometheus).
/// </summary>
public static class CollabTelemetry
{
    /// <summary>The project's own meter, which the grains record on and every host's own instruments join.</summary>
    public const string MeterName = LiveMetrics.MeterName;

    public static IServiceCollection AddCollabTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? tracing = null)
    {
        var otlp = OtlpEndpoint(configuration);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(meters =>
            {
                meters.AddMeter(MeterName, "Microsoft.Orleans", "Npgsql");
                metrics?.Invoke(meters);
                if (!string.IsNullOrEmpty(otlp))
                {
                    meters.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            })
            .WithTracing(traces =>
            {
                traces.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(TraceSampleRatio(configuration, otlp))));
                traces.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddNpgsql();
                tracing?.Invoke(traces);
                if (!string.IsNullOrEmpty(otlp))
                {
                    traces.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
                }
            });
        return services;
    }

    /// <summary>
    /// Whether any trace is recorded. Orleans' trace propagation is added to silos and clients only then: with nothing
    /// recorded it creates no activity and carries no context, yet each of its filters still costs every grain call a
    /// turn on the activation's scheduler.
    /// </summary>
    public static bool RecordsTraces(IConfiguration configuration) => TraceSampleRatio(configuration, OtlpEndpoint(configuration)) > 0;

    private static string? OtlpEndpoint(IConfiguration configuration) =>
        configuration["Collab:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

    /// <summary>
    /// The share of traces recorded (<c>Collab:Telemetry:TraceSampleRatio</c>): all of them by default when they are
    /// exported, none when nothing would receive them. A request's root activity exists either way, so the Api's log
    /// lines of a hub call carry its trace id; unrecorded, the grain calls under it create no activities, which on a
    /// busy node saves a few percent of its CPU.
    /// </summary>
    private static double TraceSampleRatio(IConfiguration configuration, string? otlp)
    {
        var ratio = configuration.GetValue<double?>("Collab:Telemetry:TraceSampleRatio") ?? (string.IsNullOrEmpty(otlp) ? 0 : 1);
        return ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"Collab:Telemetry:TraceSampleRatio is a share between 0 and 1, not {ratio}");
    }
}
