namespace Collab.Grains.Directory;

/// <summary>The <c>Collab:Directory</c> section, silo side.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Collab:Directory";

    /// <summary>A node's watch of the deactivated users not renewed for this long is dropped (the node is presumed gone).</summary>
    public TimeSpan WatcherLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long telling one node of a deactivation may take before the import goes on without it.</summary>
    public TimeSpan WatcherCallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest page a people search returns (and the default is 50).</summary>
    public int MaxSearchLimit { get; set; } = 200;
}
