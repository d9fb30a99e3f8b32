namespace Collab.Silo.Database;

public enum SqlDialect
{
    Sqlite,
    Postgres,
}
