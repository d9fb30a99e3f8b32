using Collab.Silo.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collab.Api.Health;

/// <summary>Ready only when the configured database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(CollabDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await database.PingAsync(timeout.Token)
                ? HealthCheckResult.Healthy($"{database.Dialect} answers")
                : HealthCheckResult.Unhealthy($"{database.Dialect} gave an unexpected answer");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", exception);
        }
    }
}
