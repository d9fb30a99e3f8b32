using System.Security.Claims;
using System.Threading.RateLimiting;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.RateLimiting;

public static class RestRateLimiting
{
    /// <summary>A token bucket per user, and a larger one per remote address before sign-in, for REST; health probes and the metrics scrape are exempt.</summary>
    public static IServiceCollection AddCollabRestRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics"))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }
                var user = context.User.FindFirstValue(CollabClaims.Subject);
                if (user is not null)
                {
                    return Bucket("user:" + user, options.RestBurst, options.RestPerSecond);
                }
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return Bucket("address:" + address, options.AddressBurst, options.AddressPerSecond);
            });
            limiter.OnRejected = (context, _) =>
                new ValueTask(Problems.WriteAsync(context.HttpContext, ErrorCodes.RateLimited, "too many requests; slow down"));
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(string key, int burst, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
