using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collab.Api.Draining;

/// <summary>Not ready while the node drains, so a load balancer stops sending it new connections.</summary>
public sealed class DrainHealthCheck(NodeDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.Draining ? HealthCheckResult.Unhealthy("the node is draining") : HealthCheckResult.Healthy());
}
