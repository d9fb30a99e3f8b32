using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;
using Collab.Silo.Hosting;

namespace Collab.Api.Hosting;

/// <summary>
/// <c>Collab:Management:Port</c>: a second listener for <c>/metrics</c> and the Orleans Dashboard, so that neither is
/// reachable through the public one (or its load balancer). Without it both stay on the public listener, as in the
/// embedded default. Health probes answer on both; nothing else answers on the management port.
/// </summary>
public static class ManagementPort
{
    public const string Key = "Collab:Management:Port";

    private const string DefaultUrls = "http://localhost:5000";

    public static WebApplicationBuilder AddManagementPort(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<int?>(Key) is not { } port)
        {
            return builder;
        }
        // Listening on a port through Kestrel's options would replace the configured URLs, so the management one is
        // added to them instead, resolved the way the host resolves them (urls, else HTTP_PORTS, else its default).
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrEmpty(urls))
        {
            var httpPorts = builder.Configuration["HTTP_PORTS"];
            urls = string.IsNullOrEmpty(httpPorts)
                ? DefaultUrls
                : string.Join(';', httpPorts.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p}"));
        }
        builder.WebHost.UseUrls($"{urls};http://*:{port}");
        return builder;
    }

    /// <summary>First in the pipeline: management paths only on the management port, and only they (and health) there.</summary>
    public static WebApplication UseManagementPort(this WebApplication app)
    {
        if (app.Configuration.GetValue<int?>(Key) is not { } port)
        {
            return app;
        }
        var dashboard = AdminDashboardOptions.From(app.Configuration).Path;
        app.UseWhen(context =>
            {
                var path = context.Request.Path;
                var management = path.StartsWithSegments("/metrics") || path.StartsWithSegments(dashboard);
                // The local port, not the Host header, which the caller chooses.
                var onManagementPort = context.Connection.LocalPort == port;
                return onManagementPort ? !management && !path.StartsWithSegments("/health") : management;
            },
            branch => branch.Run(context => Problems.WriteAsync(context, ErrorCodes.NotFound, "not found on this port")));
        return app;
    }
}
