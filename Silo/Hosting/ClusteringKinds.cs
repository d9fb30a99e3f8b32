namespace Collab.Silo.Hosting;

public static class ClusteringKinds
{
    public const string Localhost = "localhost";
    public const string Postgres = "postgres";
}
