using Npgsql;

namespace Collab.Cluster.Tests.Infrastructure;

/// <summary>Reads the Orleans membership table (<c>orleans_membership</c>, deploy/sql/postgres/0001) directly.</summary>
public static class Membership
{
    /// <summary>Orleans' <c>SiloStatus.Active</c>.</summary>
    private const int Active = 3;

    /// <summary>Orleans' <c>SiloStatus.Dead</c>: a silo that left (or was declared dead by the others).</summary>
    public const int Dead = 6;

    /// <summary>The membership status of the silo on this port (a port is used by one silo per test database).</summary>
    public static async Task<int?> StatusOfAsync(string connectionString, int siloPort)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status FROM orleans_membership WHERE port = @port ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("port", siloPort);
        return await command.ExecuteScalarAsync() is int status ? status : null;
    }

    /// <summary>The silo ports of the active silos; empty while the schema does not exist yet.</summary>
    public static async Task<IReadOnlyList<int>> ActiveSiloPortsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('orleans_membership') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                return [];
            }
        }
        await using var command = new NpgsqlCommand("SELECT port FROM orleans_membership WHERE status = @active ORDER BY port", connection);
        command.Parameters.AddWithValue("active", Active);
        var ports = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ports.Add(reader.GetInt32(0));
        }
        return ports;
    }
}
