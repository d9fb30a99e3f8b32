using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Directory;

/// <summary>The directory's tables (deploy/sql/*/directory). Every write is one transaction: all its rows or none.</summary>
public interface IDirectoryStore
{
    Task UpsertSchoolsAsync(IReadOnlyList<ValidSchool> schools);

    /// <summary>Upserts the people as active; returns those of them who were inactive before.</summary>
    Task<IReadOnlyList<string>> UpsertPeopleAsync(IReadOnlyList<ValidPerson> people);

    /// <summary>Upserts the classes; each one's stored members are replaced by its lists.</summary>
    Task UpsertClassesAsync(IReadOnlyList<ValidClass> classes);

    /// <summary>Marks the people inactive; returns the ids that were active before.</summary>
    Task<IReadOnlyList<string>> DeactivateAsync(IReadOnlyList<string> userIds);

    /// <summary>
    /// Takes an active person's name and school from the claims of a token they signed in with, where they differ and
    /// the school is one of the directory's (a null leaves that field); true when the row changed.
    /// </summary>
    Task<bool> UpdateFromSignInAsync(string userId, string? name, string? schoolCode);

    /// <summary>Which of the codes are schools of the directory.</summary>
    Task<IReadOnlySet<string>> KnownSchoolsAsync(IReadOnlyCollection<string> codes);

    /// <summary>Which of the ids are people of the directory, active or not.</summary>
    Task<IReadOnlySet<string>> KnownPeopleAsync(IReadOnlyCollection<string> userIds);

    Task<IReadOnlyList<string>> InactiveUserIdsAsync();

    /// <summary>
    /// Refreshes the planner's statistics of the directory's tables after an import: right after a bulk import they
    /// describe the tables as they were, and PostgreSQL then walks a whole index for a prefix no row has.
    /// </summary>
    Task RefreshStatisticsAsync();

    /// <summary>Active people matching the filter, ordered by name then user id, at most <see cref="PeopleFilter.Limit"/>.</summary>
    Task<IReadOnlyList<DirectoryPerson>> SearchPeopleAsync(PeopleFilter filter);

    Task<IReadOnlyList<DirectorySchool>> SchoolsAsync(string? county);

    Task<DirectorySchool?> SchoolAsync(string code);

    Task<DirectoryClass?> ClassAsync(string classId);

    Task<DirectoryPerson?> PersonAsync(string userId);

    /// <summary>The classes the user teaches or sits in, by id.</summary>
    Task<IReadOnlyList<ClassRef>> ClassesOfAsync(string userId);
}
