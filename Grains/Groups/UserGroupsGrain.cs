using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Groups;

public sealed class UserGroupsGrain(
    [PersistentState("usergroups", StorageNames.Default)] IPersistentState<UserGroupsState> store)
    : Grain, IUserGroupsGrain
{
    public async Task AddAsync(string groupId)
    {
        if (store.State.GroupIds.Add(groupId))
        {
            await store.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string groupId)
    {
        if (store.State.GroupIds.Remove(groupId))
        {
            await store.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(store.State.GroupIds.Order(StringComparer.Ordinal).ToList());
}
