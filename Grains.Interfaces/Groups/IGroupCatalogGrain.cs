using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Interfaces.Groups;

/// <summary>Finding groups across the city: one stateless reader in front of the catalog every group keeps current.</summary>
[Alias("collab.IGroupCatalogGrain")]
public interface IGroupCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Teachers and admins; a student gets <c>forbidden</c>. A malformed cursor or limit is <c>invalid_argument</c>.</summary>
    [Alias("Search")]
    Task<GroupPage> SearchAsync(Caller caller, GroupQuery query);
}
