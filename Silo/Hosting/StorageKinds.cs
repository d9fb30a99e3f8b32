namespace Collab.Silo.Hosting;

public static class StorageKinds
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}
