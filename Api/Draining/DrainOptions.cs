namespace Collab.Api.Draining;

/// <summary>How a stopping Api node hands its clients over, bound from <c>Collab:Drain</c>.</summary>
public sealed class DrainOptions
{
    public const string Section = "Collab:Drain";

    /// <summary>
    /// How long a stopping node keeps serving after it told its clients to reconnect elsewhere and turned unready:
    /// long enough for a load balancer to notice and for clients to move. Zero (the default, right for the one-process
    /// embedded default) stops at once; the deploy files set it for nodes behind a load balancer.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
}
