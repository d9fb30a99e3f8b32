using System.Threading.RateLimiting;

namespace Collab.Api.RateLimiting;

/// <summary>One token bucket per user for hub calls, from <c>Collab:RateLimit</c>.</summary>
public sealed class HubRateLimiter : IDisposable
{
    public HubRateLimiter(RateLimitOptions options) =>
        Limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.HubBurst,
                TokensPerPeriod = options.HubPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public PartitionedRateLimiter<string> Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}
