using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Collab.Api.Hosting;

/// <summary>
/// <c>Collab:ForwardedHeaders:KnownProxies</c>: the addresses of the load balancers in front of the Api. Behind one,
/// every request comes from the balancer's address, so anonymous callers would share one rate-limit bucket; from these
/// addresses (and only these) <c>X-Forwarded-For</c> names the client instead. Unset, the header is ignored.
/// </summary>
public static class KnownProxies
{
    public const string Section = "Collab:ForwardedHeaders:KnownProxies";

    public static WebApplicationBuilder AddKnownProxies(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        if (proxies.Length == 0)
        {
            return builder;
        }
        var addresses = proxies.Select(proxy => IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"{Section} holds '{proxy}', which is not an IP address")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback, which is not the balancer unless it is configured as one.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            addresses.ForEach(forwarded.KnownProxies.Add);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that the rate limiter and the logs see the client's address.</summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
