using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Directory;

/// <summary>
/// The directory as the other areas read it: wherever a person is named to others (a group's members, a join request,
/// an observer), the name, school and county are the directory's, not what a token or a caller typed (PROTOCOL §6).
/// </summary>
public interface IPeopleLookup
{
    /// <summary>The person, with their school's name and county; null when the directory does not hold them.</summary>
    Task<DirectoryPerson?> PersonAsync(string userId);

    /// <summary>Those of the people the directory holds, by user id: one query for a roster, however long.</summary>
    Task<IReadOnlyDictionary<string, DirectoryPerson>> PeopleAsync(IReadOnlyCollection<string> userIds);

    /// <summary>A class with its teachers and students; null when the directory does not hold it.</summary>
    Task<DirectoryClass?> ClassAsync(string classId);
}
