using Collab.Grains.Interfaces.Common;
using Orleans.Concurrency;

namespace Collab.Grains.Interfaces.Directory;

/// <summary>The directory's reads (PROTOCOL §6): any activation answers from the database, so there are many. Key 0.</summary>
[Alias("collab.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Teachers and admins; students are refused with <c>forbidden</c>.</summary>
    [Alias("SearchPeople"), ReadOnly]
    Task<PeoplePage> SearchPeopleAsync(Caller caller, PeopleSearch search);

    [Alias("Schools"), ReadOnly]
    Task<IReadOnlyList<DirectorySchool>> SchoolsAsync(Caller caller, string? county);

    /// <summary>The class's own teachers and admins; <c>not_found</c> for an unknown class.</summary>
    [Alias("Class"), ReadOnly]
    Task<DirectoryClass> ClassAsync(Caller caller, string classId);

    /// <summary>
    /// An Api node saw a platform token whose name or school claim it had not seen for this user: the directory takes
    /// them for an active person it holds (the city platform is the source of truth), an unknown school aside. True when
    /// the record changed. Called by the Api's sign-in hook, never by a client.
    /// </summary>
    [Alias("SignedIn")]
    Task<bool> SignedInAsync(string userId, string? name, string? schoolCode);

    [Alias("Me"), ReadOnly]
    Task<MeView> MeAsync(Caller caller);
}
