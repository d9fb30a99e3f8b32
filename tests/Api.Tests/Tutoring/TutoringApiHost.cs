using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Collab.Api.Tests.Tutoring;

/// <summary>
/// One Api for the tutoring tests, on a clock they move (<see cref="FakeGrainClock"/>): a slot's real minutes, its
/// warning, the no-show and disconnect graces come due when a test advances <see cref="Clock"/>, never by waiting.
/// </summary>
public sealed class TutoringApiHost : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Collab:Tutoring:TickInterval"] = "00:01:00",
        ["Collab:Tutoring:WarningBefore"] = "00:02:00",
        ["Collab:Tutoring:NoShowGrace"] = "00:03:00",
        ["Collab:Tutoring:DisconnectGrace"] = "00:08:00",
        // The sweep of expired node subscriptions reads the same clock; moving it by minutes must not drop this node.
        ["Collab:Live:NodeSweepInterval"] = "1.00:00:00",
    };

    /// <summary>A clock for one host, or for the hosts of one data folder across a restart; on a whole second, as the wire's times are in milliseconds.</summary>
    public static FakeTimeProvider NewClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    public FakeTimeProvider Clock { get; } = NewClock();

    public ApiHost Host { get; }

    public TutoringApiHost() =>
        Host = ApiHost.OnFreshFolder(new Dictionary<string, string?>(Settings), builder => FakeGrainClock.Install(builder.Services, Clock));

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class TutoringApiCollection : ICollectionFixture<TutoringApiHost>
{
    public const string Name = "tutoring-api";
}
