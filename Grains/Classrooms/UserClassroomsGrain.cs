using Collab.Grains.Interfaces.Classrooms;

namespace Collab.Grains.Classrooms;

public sealed class UserClassroomsGrain(
    [PersistentState("userclassrooms", StorageNames.Default)] IPersistentState<UserClassroomsState> store)
    : Grain, IUserClassroomsGrain
{
    public const int Kept = 200;

    public Task AddAsync(string classroomId) => RecentIds.AddAsync(store.State.ClassroomIds, classroomId, Kept, store.WriteStateAsync);

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult(RecentIds.NewestFirst(store.State.ClassroomIds));
}
