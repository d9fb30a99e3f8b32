using Orleans.Storage;

namespace Collab.Silo.Database;

/// <summary>
/// Orleans' ADO.NET grain storage on SQLite, its writes taking their turn with the node's other SQLite writes
/// (<see cref="CollabDatabase.WriteAsync"/>) instead of meeting them at the file lock; reads go straight through (WAL
/// lets them run beside a writer). The silo lifecycle reaches the inner storage through this one.
/// </summary>
public sealed class SqliteSerializedGrainStorage(IGrainStorage inner, CollabDatabase database) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.TakingTurnsAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.TakingTurnsAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
