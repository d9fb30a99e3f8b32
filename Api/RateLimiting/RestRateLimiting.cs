using System.Security.Claims;
using System.Threading.RateLimiting;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.RateLimiting;

public static class RestRateLimiting
{
    /// <summary>A token bucket per user (per remote address before sign-in) for REST; health probes and the metrics scrape are exempt.</summary>
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
                var key = context.User.FindFirstValue(CollabClaims.Subject)
                    ?? context.Connection.RemoteIpAddress?.ToString()
                    ?? "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RestBurst,
                    TokensPerPeriod = options.RestPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (context, _) =>
                new ValueTask(Problems.WriteAsync(context.HttpContext, ErrorCodes.RateLimited, "too many requests; slow down"));
        });
        return services;
    }
}
