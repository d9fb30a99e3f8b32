using Orleans.Storage;

namespace Collab.Silo.Database;

/// <summary>
/// Orleans' ADO.NET grain storage, its writes taking their turn with the node's other writes
/// (<see cref="CollabDatabase.TakingTurnsAsync"/>): on SQLite instead of meeting them at the file lock, on PostgreSQL
/// instead of queueing in Npgsql's pool, whose wait times out (15 s) and fails the write. Reads go straight through
/// (WAL lets them run beside a writer; on PostgreSQL they use the part of the pool writers leave free). The silo
/// lifecycle reaches the inner storage through this one.
/// </summary>
public sealed class TurnTakingGrainStorage(IGrainStorage inner, CollabDatabase database) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.TakingTurnsAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.TakingTurnsAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
