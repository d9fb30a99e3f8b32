using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

public sealed class UserLessonCopiesGrain(
    [PersistentState("userlessoncopies", StorageNames.Default)] IPersistentState<UserLessonCopiesState> store)
    : Grain, IUserLessonCopiesGrain
{
    public const int Kept = 300;

    public Task AddAsync(string copyId) => RecentIds.AddAsync(store.State.CopyIds, copyId, Kept, store.WriteStateAsync);

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult(RecentIds.NewestFirst(store.State.CopyIds));
}
