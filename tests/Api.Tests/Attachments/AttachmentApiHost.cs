using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Attachments;

/// <summary>One Api (SQLite, the folder store) with a small attachment limit, so a file over it costs little to send.</summary>
public sealed class AttachmentApiHost : IAsyncLifetime
{
    public const int MaxBytes = 64 * 1024;

    public ApiHost Host { get; } = ApiHost.OnFreshFolder(new Dictionary<string, string?>
    {
        ["Collab:Attachments:MaxBytes"] = MaxBytes.ToString(),
        ["Collab:RateLimit:RestBurst"] = "1000",
        ["Collab:RateLimit:RestPerSecond"] = "1000",
        ["Collab:RateLimit:AddressBurst"] = "100000",
        ["Collab:RateLimit:AddressPerSecond"] = "100000",
    });

    public string StoreFolder => Path.Combine(Host.DataDirectory, "attachments");

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}
