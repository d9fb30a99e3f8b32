namespace Collab.Bench.Baseline;

/// <summary>B0 keeps no group state, so its Join snapshot is <c>{}</c>.</summary>
public sealed record EmptySnapshot
{
    public static readonly EmptySnapshot Instance = new();
}
