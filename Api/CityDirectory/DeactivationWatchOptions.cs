namespace Collab.Api.CityDirectory;

/// <summary>The <c>Collab:Directory</c> section's watch of the deactivated users, Api side; the lease is the silo's (3 minutes).</summary>
public sealed class DeactivationWatchOptions
{
    public TimeSpan Renewal { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan Retry { get; set; } = TimeSpan.FromSeconds(2);
}
