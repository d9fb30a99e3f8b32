using Collab.Grains.Interfaces.Homework;

namespace Collab.Grains.Homework;

public sealed class UserHomeworkGrain(
    [PersistentState("userhomework", StorageNames.Default)] IPersistentState<UserHomeworkState> store)
    : Grain, IUserHomeworkGrain
{
    public const int Kept = 300;

    public Task AddAsync(string homeworkId) => RecentIds.AddAsync(store.State.HomeworkIds, homeworkId, Kept, store.WriteStateAsync);

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult(RecentIds.NewestFirst(store.State.HomeworkIds));
}
