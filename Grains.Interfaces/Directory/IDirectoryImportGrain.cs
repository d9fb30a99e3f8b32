using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Interfaces.Directory;

/// <summary>
/// One import (keyed by a fresh id per request), fed its rows in batches in the order they came. It remembers the keys
/// it has seen, so a key repeated in the same import is reported however far apart the rows are; every batch is
/// stored before it returns. Admins only.
/// </summary>
[Alias("collab.IDirectoryImportGrain")]
public interface IDirectoryImportGrain : IGrainWithStringKey
{
    /// <summary>Refuses a caller who may not import, before the Api reads the body.</summary>
    [Alias("Begin")]
    Task BeginAsync(Caller caller);

    /// <summary><paramref name="firstRow"/> is the row number of the batch's first row.</summary>
    [Alias("Schools")]
    Task<ImportBatchResult> ImportSchoolsAsync(Caller caller, int firstRow, IReadOnlyList<ImportSchool> rows);

    [Alias("People")]
    Task<ImportBatchResult> ImportPeopleAsync(Caller caller, int firstRow, IReadOnlyList<ImportPerson> rows);

    [Alias("Classes")]
    Task<ImportBatchResult> ImportClassesAsync(Caller caller, int firstRow, IReadOnlyList<ImportClass> rows);

    /// <summary>
    /// Marks people inactive and refuses their tokens on every Api node before it returns. Run after the import's
    /// people, so a person both listed and deactivated in one import ends inactive.
    /// </summary>
    [Alias("Deactivate")]
    Task<ImportBatchResult> DeactivateAsync(Caller caller, int firstRow, IReadOnlyList<string?> userIds);

    /// <summary>The import is over: the tables' statistics are refreshed if it stored anything, and the activation goes.</summary>
    [Alias("End")]
    Task EndAsync();
}
