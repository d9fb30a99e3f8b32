namespace Collab.Bench.Baseline;

/// <summary>
/// Which baseline this process is (<c>--mode</c>): B0 relays only; B1 adds in-process documents and the project's OT
/// under a per-document lock; B2 adds one direct op-log write per op (<c>--storage sqlite|postgres</c>).
/// </summary>
public sealed record BaselineMode(string Mode, string Storage, string? PostgresConnectionString, string DataDirectory)
{
    public bool KeepsDocuments => Mode is "b1" or "b2";

    public bool WritesOps => Mode == "b2";

    public static BaselineMode From(IConfiguration configuration)
    {
        var mode = configuration["mode"] ?? "b0";
        var storage = configuration["storage"] ?? "sqlite";
        var postgres = configuration["connection-string"];
        if (mode is not ("b0" or "b1" or "b2"))
        {
            throw new ArgumentException("--mode is b0, b1 or b2");
        }
        if (storage is not ("sqlite" or "postgres") || (storage == "postgres" && postgres is null))
        {
            throw new ArgumentException("--storage is sqlite or postgres; postgres needs --connection-string");
        }
        var data = configuration["data-directory"] ?? Path.Combine(Path.GetTempPath(), $"collab-baseline-{Environment.ProcessId}");
        return new BaselineMode(mode, storage, postgres, data);
    }
}
