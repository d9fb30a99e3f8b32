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
}
