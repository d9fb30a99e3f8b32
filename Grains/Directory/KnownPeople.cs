using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Directory;

/// <summary>How a caller is shown to others once the directory has been asked about them.</summary>
public static class KnownPeople
{
    /// <summary>The caller with the directory's name, school and county; as their token says when it does not hold them.</summary>
    public static Caller AsShown(Caller caller, DirectoryPerson? person) =>
        person is null ? caller : caller with { Name = person.Name, School = person.SchoolName, County = person.County };

    public static async Task<Caller> AsShownAsync(this IPeopleLookup people, Caller caller) =>
        AsShown(caller, await people.PersonAsync(caller.UserId));
}
