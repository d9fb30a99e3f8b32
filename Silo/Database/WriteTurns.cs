using Npgsql;

namespace Collab.Silo.Database;

/// <summary>How many of a node's writes may hold a database connection at once.</summary>
public static class WriteTurns
{
    /// <summary>
    /// SQLite: one, the file's single writer. PostgreSQL: three quarters of the connection pool (Npgsql's
    /// <c>Maximum Pool Size</c>, 100 unless set), at least one, so that a burst of writes larger than the pool waits its
    /// turn in the node (up to <c>Collab:Database:WriteTurnWait</c>, then it is refused as <c>unavailable</c>, unstored)
    /// instead of timing out in the pool; the other quarter stays free for
    /// reads and for Orleans' membership and reminders, which share the pool.
    /// </summary>
    public static int For(bool sqlite, string? postgresConnectionString)
    {
        if (sqlite)
        {
            return 1;
        }
        var pool = new NpgsqlConnectionStringBuilder(postgresConnectionString).MaxPoolSize;
        return Math.Max(1, pool * 3 / 4);
    }
}
