namespace Collab.Api.Tests.Infrastructure;

/// <summary>One Api for the tests of a collection, with rate limits low enough that floods are refused quickly.</summary>
public sealed class SharedApiHost : IAsyncLifetime
{
    public ApiHost Host { get; } = ApiHost.OnFreshFolder(new Dictionary<string, string?>
    {
        ["Collab:RateLimit:HubBurst"] = "40",
        ["Collab:RateLimit:HubPerSecond"] = "20",
        ["Collab:RateLimit:RestBurst"] = "40",
        ["Collab:RateLimit:RestPerSecond"] = "20",
        // Every test signs in from loopback; its tests would otherwise spend one another's budget.
        ["Collab:RateLimit:AddressBurst"] = "100000",
        ["Collab:RateLimit:AddressPerSecond"] = "100000",
        ["Collab:Live:RetainedEvents"] = "30",
    });

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<SharedApiHost>
{
    public const string Name = "api";
}
