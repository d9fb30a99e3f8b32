namespace Collab.Bench;

/// <summary>Where a spawned server keeps its state (<c>--storage</c>, <c>--connection-string</c>): Collab and B2 alike.</summary>
public sealed record StorageChoice(string Kind, string? ConnectionString)
{
    public static readonly StorageChoice Sqlite = new("sqlite", null);

    public static StorageChoice From(BenchOptions options) => new(options.Storage, options.ConnectionString);

    public IReadOnlyList<string> CollabArguments() =>
        Kind == "postgres" ? ["--Collab:Storage=postgres", $"--ConnectionStrings:Postgres={ConnectionString}"] : [];

    public IReadOnlyList<string> BaselineArguments() =>
        Kind == "postgres" ? ["--storage=postgres", $"--connection-string={ConnectionString}"] : ["--storage=sqlite"];
}
