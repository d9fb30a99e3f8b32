using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Collab.Grains.Directory;

/// <summary>The directory's reads: <see cref="DirectoryAccess"/> decides, the store answers. Stateless, so a busy node runs many.</summary>
[StatelessWorker]
public sealed class DirectoryGrain(IDirectoryStore store, IOptions<DirectoryOptions> options) : Grain, IDirectoryGrain
{
    public async Task<PeoplePage> SearchPeopleAsync(Caller caller, PeopleSearch search)
    {
        DirectoryAccess.MaySearch(caller);
        var filter = DirectoryAccess.Filter(search, options.Value.MaxSearchLimit);
        // One row more than the page tells whether another page follows without a second query.
        var rows = await store.SearchPeopleAsync(filter with { Limit = filter.Limit + 1 });
        if (rows.Count <= filter.Limit)
        {
            return new PeoplePage(rows, null);
        }
        var page = rows.Take(filter.Limit).ToList();
        return new PeoplePage(page, new PeopleCursor(page[^1].Name, page[^1].UserId).Encode());
    }

    public async Task<IReadOnlyList<DirectorySchool>> SchoolsAsync(Caller caller, string? county) =>
        await store.SchoolsAsync(TextFields.Optional(county, "county", ImportChecks.MaxNameLength));

    public async Task<DirectoryClass> ClassAsync(Caller caller, string classId)
    {
        var found = await store.ClassAsync(classId) ?? throw CollabException.NotFound($"class {classId}");
        DirectoryAccess.MaySee(caller, found);
        return found;
    }

    public Task<bool> SignedInAsync(string userId, string? name, string? schoolCode)
    {
        var claimed = ImportChecks.SignInClaims(name, schoolCode);
        return claimed.Name is null && claimed.SchoolCode is null
            ? Task.FromResult(false)
            : store.UpdateFromSignInAsync(userId, claimed.Name, claimed.SchoolCode);
    }

    public async Task<MeView> MeAsync(Caller caller)
    {
        var person = await store.PersonAsync(caller.UserId);
        var classes = await store.ClassesOfAsync(caller.UserId);
        if (person is not null)
        {
            return new MeView(person.UserId, person.Name, person.Role, person.SchoolCode, person.SchoolName, person.County, classes);
        }
        // Not in the directory (yet): the token speaks for its holder; the school's name is the directory's if it knows the code.
        var school = caller.School.Length == 0 ? null : await store.SchoolAsync(caller.School);
        return new MeView(caller.UserId, caller.Name, caller.Role, caller.School, school?.Name ?? "", school?.County ?? caller.County, classes);
    }
}
