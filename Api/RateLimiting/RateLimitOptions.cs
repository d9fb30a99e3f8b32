namespace Collab.Api.RateLimiting;

/// <summary>The <c>Collab:RateLimit</c> section: per-user budgets for hub calls and REST requests.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Collab:RateLimit";

    public int HubBurst { get; set; } = 60;

    public int HubPerSecond { get; set; } = 30;

    public int RestBurst { get; set; } = 60;

    public int RestPerSecond { get; set; } = 30;

    /// <summary>
    /// The budget of one address before sign-in. A school's whole class signs in from behind one NAT address at the
    /// start of a lesson or an exam, so it is larger than a user's.
    /// </summary>
    public int AddressBurst { get; set; } = 600;

    public int AddressPerSecond { get; set; } = 100;

    /// <summary>The largest hub message a client may send; SignalR closes a connection that sends more.</summary>
    public long MaxHubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>The largest REST request body; a larger one gets 413 <c>too_large</c>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
