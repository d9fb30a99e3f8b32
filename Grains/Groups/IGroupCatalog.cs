using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Groups;

/// <summary>
/// Every group's line in the city-wide catalog (a table; implemented in Silo). A projection of the group's own state:
/// the group writes its line after each change of what the line shows, and again at each activation, so a lost write
/// is repaired by the next one.
/// </summary>
public interface IGroupCatalog
{
    Task UpsertAsync(GroupListing listing);

    /// <summary>Ordered by name then id; at most <c>query.Limit</c> lines after the cursor's line.</summary>
    Task<IReadOnlyList<GroupListing>> SearchAsync(GroupQuery query, GroupCursor? after);
}

/// <summary>Where a page ended: the last line's name and id.</summary>
public sealed record GroupCursor(string Name, string Id);
