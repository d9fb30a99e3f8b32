using System.Diagnostics;
using Collab.Silo.Database;
using Collab.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Collab.Deploy.Tests;

/// <summary>
/// <c>deploy/scripts/backup.sh</c> on a throwaway PostgreSQL: a migrated database with data is backed up, restored into
/// a new database with the same schema version, queries and rows, and restoring over a database in use is refused.
/// </summary>
public sealed class BackupTests : IClassFixture<PostgresServer>, IDisposable
{
    private readonly PostgresServer _postgres;
    private readonly string _folder = Directory.CreateTempSubdirectory("collab-backup-").FullName;

    public BackupTests(PostgresServer postgres) => _postgres = postgres;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_backup_restores_into_an_empty_database_with_schema_and_rows_and_is_refused_over_a_used_one()
    {
        var source = await _postgres.CreateDatabaseAsync("backup_src");
        var settings = CollabSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collab:Storage"] = "postgres",
            ["ConnectionStrings:Postgres"] = source,
        }).Build());
        await new SchemaMigrator(new CollabDatabase(settings), NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await ExecuteAsync(source, """
            INSERT INTO lessonprep_ops (plan_id, seq, revision, section, ops, user_id, client_id, client_seq, result, event, at)
            VALUES ('p-backup', 1, 1, 'process', '["备课"]', 't-1', 'tab-1', 1, '{}', '{}', now()),
                   ('p-backup', 2, 2, 'process', '[2,"!"]', 't-1', 'tab-1', 2, '{}', '{}', now())
            """);
        var file = Path.Combine(_folder, "collab.dump");

        var backup = await RunAsync(source, "backup", file);
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.True(new FileInfo(file).Length > 0);

        var target = await _postgres.CreateDatabaseAsync("backup_dst");
        var restore = await RunAsync(target, "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Output);

        const string Content = """
            SELECT (SELECT string_agg(version::text || ' ' || name, ', ' ORDER BY version) FROM collab_schema_version)
                || ' | ' || (SELECT count(*) FROM orleansquery)
                || ' | ' || (SELECT string_agg(seq::text || ops, ', ' ORDER BY seq) FROM lessonprep_ops WHERE plan_id = 'p-backup')
            """;
        var original = await ScalarAsync(source, Content);
        Assert.Contains("[\"备课\"]", original);
        Assert.Equal(original, await ScalarAsync(target, Content));

        var over = await RunAsync(source, "restore", file);
        Assert.NotEqual(0, over.ExitCode);
        Assert.Contains("is not empty", over.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, string verb, string file)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "scripts", "backup.sh"), verb, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = database.Host;
        start.Environment["PGPORT"] = database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = database.Username;
        start.Environment["PGDATABASE"] = database.Database;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
