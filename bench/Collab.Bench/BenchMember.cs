using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Bench;

/// <summary>One simulated teacher: a token, one hub connection, and the last <c>seq</c> it applied.</summary>
public sealed class BenchMember(string userId, string name, string token)
{
    public string UserId => userId;
    public string Name => name;
    public string Token => token;

    /// <summary>Stable per "device", as the contract asks; the poster's clientSeq is the post's index in the schedule.</summary>
    public string ClientId { get; } = $"dev-{userId}";

    public HubConnection? Connection { get; set; }

    /// <summary>Touched only from this connection's receive loop (SignalR runs a connection's handlers one at a time).</summary>
    public long LastSeq { get; set; }
}
