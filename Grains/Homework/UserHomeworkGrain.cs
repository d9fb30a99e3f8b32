using Collab.Grains.Interfaces.Homework;

namespace Collab.Grains.Homework;

public sealed class UserHomeworkGrain(
    [PersistentState("userhomework", StorageNames.Default)] IPersistentState<UserHomeworkState> store)
    : Grain, IUserHomeworkGrain
{
    public const int Kept = 300;

    public async Task AddAsync(string homeworkId)
    {
        var ids = store.State.HomeworkIds;
        if (ids.Contains(homeworkId))
        {
            return;
        }
        ids.Add(homeworkId);
        if (ids.Count > Kept)
        {
            ids.RemoveAt(0);
        }
        await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.HomeworkIds.AsEnumerable().Reverse().ToList());
}
