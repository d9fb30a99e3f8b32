using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Grains.Directory;

/// <summary>
/// One import: checks each batch (<see cref="ImportChecks"/>, which remembers the import's keys), looks up the schools
/// and people the rows name, and stores the good rows before it answers. Holds nothing durable: an import cut off half
/// way has stored its batches so far, and the same file imported again completes it.
/// </summary>
public sealed class DirectoryImportGrain(IDirectoryStore store) : Grain, IDirectoryImportGrain
{
    private readonly ImportChecks _checks = new();
    private int _stored;

    public Task BeginAsync(Caller caller)
    {
        DirectoryAccess.MayImport(caller);
        return Task.CompletedTask;
    }

    public async Task<ImportBatchResult> ImportSchoolsAsync(Caller caller, int firstRow, IReadOnlyList<ImportSchool> rows)
    {
        DirectoryAccess.MayImport(caller);
        var (valid, errors) = _checks.Schools(firstRow, rows);
        await store.UpsertSchoolsAsync(valid);
        return Stored(valid.Count, errors);
    }

    public async Task<ImportBatchResult> ImportPeopleAsync(Caller caller, int firstRow, IReadOnlyList<ImportPerson> rows)
    {
        DirectoryAccess.MayImport(caller);
        var schools = await store.KnownSchoolsAsync(ImportChecks.KeysOf(rows.Select(row => row.SchoolCode)));
        var (valid, errors) = _checks.People(firstRow, rows, schools);
        var reactivated = await store.UpsertPeopleAsync(valid);
        if (reactivated.Count > 0)
        {
            await GrainFactory.GetGrain<IDeactivatedUsersGrain>(0).ChangeAsync([], reactivated);
        }
        return Stored(valid.Count, errors);
    }

    public async Task<ImportBatchResult> ImportClassesAsync(Caller caller, int firstRow, IReadOnlyList<ImportClass> rows)
    {
        DirectoryAccess.MayImport(caller);
        var schools = await store.KnownSchoolsAsync(ImportChecks.KeysOf(rows.Select(row => row.SchoolCode)));
        var people = await store.KnownPeopleAsync(ImportChecks.MemberIdsOf(rows));
        var (valid, errors) = _checks.Classes(firstRow, rows, schools, people);
        await store.UpsertClassesAsync(valid);
        return Stored(valid.Count, errors);
    }

    public async Task<ImportBatchResult> DeactivateAsync(Caller caller, int firstRow, IReadOnlyList<string?> userIds)
    {
        DirectoryAccess.MayImport(caller);
        var people = await store.KnownPeopleAsync(ImportChecks.KeysOf(userIds));
        var (valid, errors) = _checks.Deactivate(firstRow, userIds, people);
        await store.DeactivateAsync(valid);
        // Every listed person is told again, not only those this import turned inactive: a node that missed an
        // earlier telling learns it now as well.
        if (valid.Count > 0)
        {
            await GrainFactory.GetGrain<IDeactivatedUsersGrain>(0).ChangeAsync(valid, []);
        }
        return Stored(valid.Count, errors);
    }

    private ImportBatchResult Stored(int stored, List<ImportError> errors)
    {
        _stored += stored;
        return new ImportBatchResult(stored, errors);
    }

    public async Task EndAsync()
    {
        DeactivateOnIdle();
        if (_stored > 0)
        {
            await store.RefreshStatisticsAsync();
        }
    }
}
