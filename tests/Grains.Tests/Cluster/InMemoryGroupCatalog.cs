using System.Collections.Concurrent;
using Collab.Grains.Groups;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Grains.Tests.Cluster;

/// <summary>
/// The group catalog of the test cluster: the lines by group id, and a switch that fails writes. Search and paging
/// are the SQL's, tested against SQLite and PostgreSQL in Silo.Tests; here only the exact filters are applied.
/// </summary>
public sealed class InMemoryGroupCatalog : IGroupCatalog
{
    private readonly ConcurrentDictionary<string, GroupListing> _lines = new();

    public volatile bool FailWrites;

    public GroupListing? LineOf(string groupId) => _lines.GetValueOrDefault(groupId);

    public Task UpsertAsync(GroupListing listing)
    {
        if (FailWrites)
        {
            throw new TimeoutException("the catalog's database is gone");
        }
        _lines[listing.Id] = listing;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GroupListing>> SearchAsync(GroupQuery query, GroupCursor? after)
    {
        IReadOnlyList<GroupListing> lines = _lines.Values
            .Where(l => (query.County is null || l.County == query.County) && (query.Subject is null || l.Subject == query.Subject))
            .OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult(lines);
    }
}
