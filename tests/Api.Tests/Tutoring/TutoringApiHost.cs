using Collab.Api.Tests.Infrastructure;

namespace Collab.Api.Tests.Tutoring;

/// <summary>
/// One Api for the tutoring tests, with the test-only <c>Collab:Tutoring:SlotMinute</c> of one second so a slot of
/// <c>slotMinutes: 4</c> ends by the server in four seconds, and short grace periods.
/// </summary>
public sealed class TutoringApiHost : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Collab:Tutoring:SlotMinute"] = "00:00:01",
        ["Collab:Tutoring:TickInterval"] = "00:00:00.100",
        ["Collab:Tutoring:WarningBefore"] = "00:00:02",
        ["Collab:Tutoring:NoShowGrace"] = "00:00:03",
        ["Collab:Tutoring:DisconnectGrace"] = "00:00:08",
    };

    public ApiHost Host { get; } = ApiHost.OnFreshFolder(new Dictionary<string, string?>(Settings));

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class TutoringApiCollection : ICollectionFixture<TutoringApiHost>
{
    public const string Name = "tutoring-api";
}
