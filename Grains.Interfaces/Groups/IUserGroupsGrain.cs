namespace Collab.Grains.Interfaces.Groups;

/// <summary>Per person: the ids of the groups they belong to, so "my groups" needs no scan.</summary>
[Alias("collab.IUserGroupsGrain")]
public interface IUserGroupsGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string groupId);

    [Alias("Remove")]
    Task RemoveAsync(string groupId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
