using Collab.Silo.Database;
using Collab.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collab.Silo.Tests.Infrastructure;

/// <summary>A fresh, empty database of one dialect (a SQLite file in a temporary folder, or a new PostgreSQL database), deleted afterwards.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("collab-db-").FullName;

    private EmptyDatabase()
    {
    }

    public CollabDatabase Database { get; private set; } = null!;

    /// <summary>The settings the database was opened with (its data folder is this database's own, removed with it).</summary>
    public CollabSettings Settings { get; private set; } = null!;

    public SchemaMigrator Migrator => new(Database, NullLogger<SchemaMigrator>.Instance);

    public static async Task<EmptyDatabase> CreateAsync(string dialect, PostgresServer postgres)
    {
        var empty = new EmptyDatabase();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(dialect == "sqlite"
            ? new Dictionary<string, string?> { ["Collab:DataDirectory"] = empty._dataDirectory }
            : new Dictionary<string, string?> { ["Collab:Storage"] = "postgres", ["ConnectionStrings:Postgres"] = await postgres.CreateDatabaseAsync() }).Build();
        empty.Settings = CollabSettings.From(configuration);
        empty.Database = new CollabDatabase(empty.Settings);
        return empty;
    }

    /// <summary>The same, with the project's schema applied.</summary>
    public static async Task<EmptyDatabase> MigratedAsync(string dialect, PostgresServer postgres)
    {
        var empty = await CreateAsync(dialect, postgres);
        await empty.Migrator.MigrateAsync(CancellationToken.None);
        return empty;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
