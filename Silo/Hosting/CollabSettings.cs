using Microsoft.Extensions.Configuration;

namespace Collab.Silo.Hosting;

/// <summary>The validated settings a host runs with: options plus the connection strings they imply.</summary>
public sealed record CollabSettings(CollabOptions Options, string? PostgresConnectionString, string SqliteConnectionString)
{
    public static CollabSettings From(IConfiguration configuration)
    {
        var options = configuration.GetSection(CollabOptions.Section).Get<CollabOptions>() ?? new CollabOptions();
        Require(options.Storage, "Collab:Storage", StorageKinds.Sqlite, StorageKinds.Postgres);
        Require(options.Clustering, "Collab:Clustering", ClusteringKinds.Localhost, ClusteringKinds.Postgres);
        Require(options.Role, "Collab:Role", HostRoles.Cohosted, HostRoles.Client);
        var postgres = configuration.GetConnectionString("Postgres");
        var needsPostgres = options.Storage == StorageKinds.Postgres || options.Clustering == ClusteringKinds.Postgres;
        if (needsPostgres && string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException("ConnectionStrings:Postgres is required when Collab:Storage or Collab:Clustering is postgres");
        }
        if (options.Role == HostRoles.Client && options.Clustering != ClusteringKinds.Postgres)
        {
            throw new InvalidOperationException("Collab:Role=client joins a cluster through its membership table: set Collab:Clustering=postgres");
        }
        if (options.Database.WriteTurnWait <= TimeSpan.Zero || options.Database.WriteTurnWait > MaxWriteTurnWait)
        {
            throw new InvalidOperationException($"Collab:Database:WriteTurnWait must be above zero and at most {MaxWriteTurnWait} (below Orleans' 30 s response timeout); it is {options.Database.WriteTurnWait}");
        }
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var sqlite = $"Data Source={Path.Combine(dataDirectory, "collab.db")};Pooling=True;Default Timeout=30";
        return new CollabSettings(options, postgres, sqlite);
    }

    /// <summary>The longest wait for a write turn: the write itself must still fit in Orleans' 30 s response timeout.</summary>
    public static readonly TimeSpan MaxWriteTurnWait = TimeSpan.FromSeconds(20);

    public bool UsesSqlite => Options.Storage == StorageKinds.Sqlite;

    public string DataDirectory => Path.GetFullPath(Options.DataDirectory);

    private static void Require(string value, string key, params string[] allowed)
    {
        if (!allowed.Contains(value))
        {
            throw new InvalidOperationException($"{key} must be one of {string.Join(", ", allowed)}; it is '{value}'");
        }
    }
}
