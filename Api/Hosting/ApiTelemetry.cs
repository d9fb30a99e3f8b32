using Collab.Silo.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collab.Api.Hosting;

/// <summary>The Api's part of telemetry: ASP.NET Core and SignalR metrics and traces, and a Prometheus scrape endpoint.</summary>
public static class ApiTelemetry
{
    public static WebApplicationBuilder AddApiTelemetry(this WebApplicationBuilder builder)
    {
        var prometheus = builder.Configuration.GetValue("Collab:Telemetry:Prometheus", true);
        builder.Services.AddCollabTelemetry(builder.Configuration, "collab-api",
            metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel");
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            },
            tracing => tracing.AddAspNetCoreInstrumentation().AddSource("Microsoft.AspNetCore.SignalR.Server"));
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> for Prometheus when <c>Collab:Telemetry:Prometheus</c> is on (the default).</summary>
    public static WebApplication MapApiTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue("Collab:Telemetry:Prometheus", true))
        {
            app.MapPrometheusScrapingEndpoint();
        }
        return app;
    }
}
