using System.Collections.Concurrent;
using Collab.Grains.Directory;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Tests.Cluster;

/// <summary>The directory as the grains read it, held in memory; a test puts in the people it needs.</summary>
public sealed class InMemoryPeopleLookup : IPeopleLookup
{
    private readonly ConcurrentDictionary<string, DirectoryPerson> _people = new(StringComparer.Ordinal);

    public void Put(DirectoryPerson person) => _people[person.UserId] = person;

    private readonly ConcurrentDictionary<string, DirectoryClass> _classes = new(StringComparer.Ordinal);

    public void Put(DirectoryClass found) => _classes[found.Id] = found;

    public Task<DirectoryPerson?> PersonAsync(string userId) => Task.FromResult(_people.GetValueOrDefault(userId));

    public Task<IReadOnlyDictionary<string, DirectoryPerson>> PeopleAsync(IReadOnlyCollection<string> userIds) =>
        Task.FromResult<IReadOnlyDictionary<string, DirectoryPerson>>(userIds.Where(_people.ContainsKey).Distinct().ToDictionary(id => id, id => _people[id], StringComparer.Ordinal));

    public Task<DirectoryClass?> ClassAsync(string classId) => Task.FromResult(_classes.GetValueOrDefault(classId));
}
