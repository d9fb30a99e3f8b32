using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Collab.Api.Health;

/// <summary>Ready only when the cluster answers: the management grain lists at least one active silo.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("the cluster does not answer", exception);
        }
    }
}
