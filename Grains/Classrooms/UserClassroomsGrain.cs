using Collab.Grains.Interfaces.Classrooms;

namespace Collab.Grains.Classrooms;

public sealed class UserClassroomsGrain(
    [PersistentState("userclassrooms", StorageNames.Default)] IPersistentState<UserClassroomsState> store)
    : Grain, IUserClassroomsGrain
{
    public const int Kept = 200;

    public async Task AddAsync(string classroomId)
    {
        var ids = store.State.ClassroomIds;
        if (ids.Contains(classroomId))
        {
            return;
        }
        ids.Add(classroomId);
        if (ids.Count > Kept)
        {
            ids.RemoveAt(0);
        }
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.ClassroomIds.AsEnumerable().Reverse().ToList());
}
