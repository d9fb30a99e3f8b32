namespace Collab.Api.Live;

/// <summary>Bound from <c>Collab:Live</c>: how a node keeps its grain subscriptions alive and closes gaps.</summary>
public sealed class LiveBridgeOptions
{
    /// <summary>The same section as the grains' live options: one <c>Collab:Live</c> block configures both ends of a stream.</summary>
    public const string Section = "Collab:Live";

    /// <summary>How often the node renews each subscription (which also re-subscribes after a grain reactivated).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a missing seq may stay missing before the node fetches it from the grain.</summary>
    public TimeSpan GapWait { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A subscription not renewed for this long is dropped by the grain (the node is presumed dead).</summary>
    public TimeSpan TimeToLive => RefreshInterval * 3;
}
