namespace Collab.Api.Live;

/// <summary>This API process as the grains see it: one subscriber per stream, whatever its number of connections.</summary>
public sealed class NodeIdentity
{
    public string NodeId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24];
}
