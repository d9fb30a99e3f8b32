using Collab.Grains.Interfaces.LessonPreps;

namespace Collab.Grains.LessonPreps;

public sealed class UserLessonCopiesGrain(
    [PersistentState("userlessoncopies", StorageNames.Default)] IPersistentState<UserLessonCopiesState> store)
    : Grain, IUserLessonCopiesGrain
{
    public const int Kept = 300;

    public async Task AddAsync(string copyId)
    {
        var ids = store.State.CopyIds;
        if (ids.Contains(copyId))
        {
            return;
        }
        ids.Add(copyId);
        if (ids.Count > Kept)
        {
            ids.RemoveAt(0);
        }
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Else the copy's retry would find its id already in memory and return as though the list were durable.
            ids.Remove(copyId);
            throw;
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.CopyIds.AsEnumerable().Reverse().ToList());
}
