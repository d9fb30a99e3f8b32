using Collab.Grains.Interfaces.Directory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Grains.Directory;

/// <summary>
/// The deactivated users and the Api nodes that watch them. The set is the directory's (people marked inactive), read
/// at activation, so it needs no state of its own; the watchers are leases each node renews, so a grain that moved to
/// another silo is watched again within one renewal, and a node that went away is dropped when its lease ends.
/// </summary>
public sealed class DeactivatedUsersGrain(IDirectoryStore store, IOptions<DirectoryOptions> options, TimeProvider time,
    ILogger<DeactivatedUsersGrain> logger) : Grain, IDeactivatedUsersGrain
{
    private readonly HashSet<string> _deactivated = new(StringComparer.Ordinal);
    private readonly Dictionary<IDeactivationObserver, DateTimeOffset> _watchers = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _deactivated.UnionWith(await store.InactiveUserIdsAsync());
    }

    public Task<IReadOnlyList<string>> WatchAsync(IDeactivationObserver observer)
    {
        _watchers[observer] = time.GetUtcNow() + options.Value.WatcherLease;
        return Task.FromResult<IReadOnlyList<string>>(_deactivated.ToList());
    }

    public Task UnwatchAsync(IDeactivationObserver observer)
    {
        _watchers.Remove(observer);
        return Task.CompletedTask;
    }

    public async Task ChangeAsync(IReadOnlyList<string> deactivated, IReadOnlyList<string> reactivated)
    {
        _deactivated.UnionWith(deactivated);
        _deactivated.ExceptWith(reactivated);
        var now = time.GetUtcNow();
        foreach (var expired in _watchers.Where(watcher => watcher.Value <= now).Select(watcher => watcher.Key).ToList())
        {
            _watchers.Remove(expired);
        }
        await Task.WhenAll(_watchers.Keys.ToList().Select(watcher => TellAsync(watcher, deactivated, reactivated)));
    }

    /// <summary>A node that does not answer in time keeps its lease: it still learns the whole set at its next renewal.</summary>
    private async Task TellAsync(IDeactivationObserver watcher, IReadOnlyList<string> deactivated, IReadOnlyList<string> reactivated)
    {
        try
        {
            await watcher.ChangedAsync(deactivated, reactivated).WaitAsync(options.Value.WatcherCallTimeout);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A node watching the deactivated users was not told of {Count} change(s)", deactivated.Count + reactivated.Count);
        }
    }
}
