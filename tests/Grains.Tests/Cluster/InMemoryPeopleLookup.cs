using System.Collections.Concurrent;
using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Tests.Cluster;

/// <summary>The directory as the grains read it, held in memory; a test puts in the people it needs.</summary>
public sealed class InMemoryPeopleLookup : IPeopleLookup
{
    private readonly ConcurrentDictionary<string, DirectoryPerson> _people = new(StringComparer.Ordinal);

    public void Put(DirectoryPerson person) => _people[person.UserId] = person;

    public Task<DirectoryPerson?> PersonAsync(string userId) => Task.FromResult(_people.GetValueOrDefault(userId));
}
