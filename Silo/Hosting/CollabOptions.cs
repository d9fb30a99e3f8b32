namespace Collab.Silo.Hosting;

/// <summary>The <c>Collab</c> configuration section (DESIGN §8); defaults are the embedded default.</summary>
public sealed class CollabOptions
{
    public const string Section = "Collab";

    public string Storage { get; set; } = StorageKinds.Sqlite;

    public string DataDirectory { get; set; } = "data";

    public string Clustering { get; set; } = ClusteringKinds.Localhost;

    public string Role { get; set; } = HostRoles.Cohosted;

    public OrleansEndpointOptions Orleans { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    public sealed class OrleansEndpointOptions
    {
        public int SiloPort { get; set; } = 11111;

        public int GatewayPort { get; set; } = 30000;

        public string AdvertisedIP { get; set; } = "127.0.0.1";

        public string ClusterId { get; set; } = "collab";

        public string ServiceId { get; set; } = "collab";
    }

    public sealed class DatabaseOptions
    {
        public bool Migrate { get; set; } = true;

        /// <summary>
        /// How long a write may wait for one of the node's write turns before it is refused as <c>unavailable</c>,
        /// having stored nothing: well below Orleans' 30 s response timeout, so that a caller never times out on a write
        /// that was then stored behind its back.
        /// </summary>
        public TimeSpan WriteTurnWait { get; set; } = TimeSpan.FromSeconds(10);
    }
}
