using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collab.Api.CityDirectory;

/// <summary>A node is not ready until it knows whom to refuse.</summary>
public sealed class DeactivationHealthCheck(DeactivatedUsers users) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(users.Known ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the deactivated users are not known yet"));
}
