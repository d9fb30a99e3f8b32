namespace Collab.Grains.Interfaces.Directory;

/// <summary>One per Api node: told of every change to the set of deactivated users.</summary>
[Alias("collab.IDeactivationObserver")]
public interface IDeactivationObserver : IGrainObserver
{
    [Alias("Changed")]
    Task ChangedAsync(IReadOnlyList<string> deactivated, IReadOnlyList<string> reactivated);
}
