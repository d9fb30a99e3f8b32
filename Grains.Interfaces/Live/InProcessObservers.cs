using System.Collections.Concurrent;

namespace Collab.Grains.Interfaces.Live;

/// <summary>
/// The stream observers living in this process, by the grain id of their reference. On a co-hosted node a grain hands
/// its events to its own node's bridge through here: the same call in the same order, without the Orleans message (an
/// allocation, a copy and a scheduled turn per event per node) that a reference to another process needs. A reference
/// this process did not create resolves to itself, so a remote node is pushed to as before.
/// </summary>
public sealed class InProcessObservers
{
    private readonly ConcurrentDictionary<GrainId, ILiveStreamObserver> _byReference = new();

    public void Add(ILiveStreamObserver reference, ILiveStreamObserver observer) => _byReference[IdOf(reference)] = observer;

    public void Remove(ILiveStreamObserver reference) => _byReference.TryRemove(IdOf(reference), out _);

    /// <summary>The object behind <paramref name="reference"/> when it lives in this process; the reference otherwise.</summary>
    public ILiveStreamObserver Resolve(ILiveStreamObserver reference) =>
        reference is GrainReference grainReference && _byReference.TryGetValue(grainReference.GrainId, out var observer) ? observer : reference;

    private static GrainId IdOf(ILiveStreamObserver reference) =>
        (reference as GrainReference)?.GrainId ?? throw new ArgumentException("an observer reference comes from CreateObjectReference", nameof(reference));
}
