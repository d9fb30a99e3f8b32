using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;
using Collab.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Collab.Silo.Tests.Storage;

/// <summary>
/// A silo starts on an empty database of each dialect: the migration creates everything the ADO.NET providers
/// check for at start-up (a missing query key would stop the silo), state round-trips, and a second start applies nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ColdStartTests(PostgresServer postgres)
{
    private static readonly Caller Teacher = new("t-1", "张老师", Roles.Teacher, "school", "county");

    [Fact]
    public async Task An_empty_sqlite_file_is_migrated_and_serves_grains_across_restarts()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("collab-cold-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { ["Collab:DataDirectory"] = dataDirectory };
            await AssertColdStartAsync(settings, SchemaMigrator.Scripts(SqlDialect.Sqlite).Count);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "collab.db")));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_postgres_database_is_migrated_and_serves_grains_across_restarts()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["Collab:Clustering"] = "postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
        };
        await AssertColdStartAsync(settings, SchemaMigrator.Scripts(SqlDialect.Postgres).Count);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT count(*) FROM orleansquery WHERE querykey IN ('CleanupDefunctSiloEntriesKey', 'CleanupDefunctSiloEntryKey')", connection);
        Assert.Equal(2L, await keys.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_script_can_be_applied_again_by_hand(string dialect)
    {
        await using var empty = await EmptyDatabase.CreateAsync(dialect, postgres);
        Assert.NotEmpty(await empty.Migrator.MigrateAsync(CancellationToken.None));

        await using var connection = await empty.Database.OpenAsync();
        foreach (var script in SchemaMigrator.Scripts(empty.Database.Dialect))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = script.Sql;
            await command.ExecuteNonQueryAsync();
        }
        Assert.Empty(await empty.Migrator.MigrateAsync(CancellationToken.None));
    }

    private static async Task AssertColdStartAsync(Dictionary<string, string?> settings, int scriptCount)
    {
        var groupId = $"g-{Guid.NewGuid():N}";
        var first = await SiloHost.StartAsync(settings);
        try
        {
            Assert.Equal(scriptCount, await AppliedVersionCountAsync(first.Services));
            var group = first.Grains().GetGrain<IGroupGrain>(groupId);
            await group.CreateAsync(Teacher, new CreateGroup("冷启动", "math", "7", null));
            await group.PostMessageAsync(Teacher, new CommandId("tab", 1), "persisted");
        }
        finally
        {
            await first.StopQuietlyAsync();
        }

        var second = await SiloHost.StartAsync(settings);
        try
        {
            Assert.Equal(scriptCount, await AppliedVersionCountAsync(second.Services));
            var joined = await second.Grains().GetGrain<IGroupGrain>(groupId).JoinAsync(Teacher);
            Assert.Equal(1, joined.Seq);
            Assert.Contains("persisted", joined.SnapshotJson);
        }
        finally
        {
            await second.StopQuietlyAsync();
        }
    }

    private static async Task<long> AppliedVersionCountAsync(IServiceProvider services)
    {
        await using var connection = await services.GetRequiredService<CollabDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM collab_schema_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
