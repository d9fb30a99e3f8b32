namespace Collab.Grains.Interfaces.Directory;

/// <summary>
/// The users whose tokens are refused (key 0), read from the directory at activation. Every Api node watches it and
/// checks its own copy on every request, so a deactivation reaches all of them before the import that made it returns.
/// </summary>
[Alias("collab.IDeactivatedUsersGrain")]
public interface IDeactivatedUsersGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or renews, before its lease ends) a node's observer; returns the whole set.</summary>
    [Alias("Watch")]
    Task<IReadOnlyList<string>> WatchAsync(IDeactivationObserver observer);

    [Alias("Unwatch")]
    Task UnwatchAsync(IDeactivationObserver observer);

    /// <summary>Tells every watcher of the change, and returns once they have answered (or been given up on).</summary>
    [Alias("Change")]
    Task ChangeAsync(IReadOnlyList<string> deactivated, IReadOnlyList<string> reactivated);
}
