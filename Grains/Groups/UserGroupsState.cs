namespace Collab.Grains.Groups;

[GenerateSerializer, Alias("collab.groups.UserGroupsState")]
public sealed class UserGroupsState
{
    [Id(0)]
    public HashSet<string> GroupIds { get; set; } = [];
}
