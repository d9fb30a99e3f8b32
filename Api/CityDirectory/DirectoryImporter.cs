using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using Microsoft.Extensions.Options;

namespace Collab.Api.CityDirectory;

/// <summary>
/// Runs one import through the import grain in batches. The file is read twice from its spooled copy: once to refuse a
/// file that is not an import (bad JSON, a wrong CSV header) before anything is stored, and to count its rows for the
/// progress; then to store it. Rows are handed on in the order they come, so schools should come before the people and
/// classes of those schools; deactivations go last, after the people an import may also list.
/// </summary>
public sealed class DirectoryImporter(IGrainFactory grains, IOptions<DirectoryImportOptions> options)
{
    private DirectoryImportOptions Options => options.Value;

    /// <summary>Refuses a caller who may not import before the Api reads a byte of the file.</summary>
    public async Task<IDirectoryImportGrain> BeginAsync(Caller caller)
    {
        var grain = grains.GetGrain<IDirectoryImportGrain>(Hosting.NewIds.Next("imp"));
        await grain.BeginAsync(caller);
        return grain;
    }

    public async Task<ImportSummary> RunAsync(IDirectoryImportGrain grain, Caller caller, Func<IAsyncEnumerable<ImportRow>> read,
        Func<ImportProgress, Task> progress)
    {
        var total = 0;
        await foreach (var _ in read())
        {
            total++;
        }
        try
        {
            var run = new Run(grain, caller, Options, total, progress);
            var deactivate = new List<ImportRow>();
            await foreach (var row in read())
            {
                if (row.Kind == ImportKinds.Deactivate)
                {
                    deactivate.Add(row);
                    continue;
                }
                await run.AddAsync(row);
            }
            foreach (var row in deactivate)
            {
                await run.AddAsync(row);
            }
            await run.FlushAsync();
            return run.Summary();
        }
        finally
        {
            await grain.EndAsync();
        }
    }

    /// <summary>A batch is rows of one kind with consecutive numbers, as the grain numbers its errors from the first.</summary>
    private sealed class Run(IDirectoryImportGrain grain, Caller caller, DirectoryImportOptions options, int total, Func<ImportProgress, Task> progress)
    {
        private readonly List<ImportRow> _batch = [];
        private readonly List<ImportError> _errors = [];
        private readonly Dictionary<string, int> _stored = [];
        private int _moreErrors;
        private int _done;

        public async Task AddAsync(ImportRow row)
        {
            if (_batch.Count > 0 && (_batch[0].Kind != row.Kind || _batch[^1].Row + 1 != row.Row || _batch.Count >= options.BatchRows))
            {
                await FlushAsync();
            }
            if (row.Value is null)
            {
                Report([new ImportError(row.Kind, row.Row, row.Field ?? "row", row.Error ?? "the row cannot be read")]);
                _done++;
                return;
            }
            _batch.Add(row);
        }

        public async Task FlushAsync()
        {
            if (_batch.Count == 0)
            {
                return;
            }
            var kind = _batch[0].Kind;
            var first = _batch[0].Row;
            var values = _batch.Select(row => row.Value).ToList();
            var result = kind switch
            {
                ImportKinds.Schools => await grain.ImportSchoolsAsync(caller, first, values.Cast<ImportSchool>().ToList()),
                ImportKinds.People => await grain.ImportPeopleAsync(caller, first, values.Cast<ImportPerson>().ToList()),
                ImportKinds.Classes => await grain.ImportClassesAsync(caller, first, values.Cast<ImportClass>().ToList()),
                _ => await grain.DeactivateAsync(caller, first, values.Cast<string?>().ToList()),
            };
            _stored[kind] = _stored.GetValueOrDefault(kind) + result.Stored;
            Report(result.Errors);
            _done += _batch.Count;
            _batch.Clear();
            await progress(new ImportProgress(kind, _done, total));
        }

        public ImportSummary Summary() => new(
            _stored.GetValueOrDefault(ImportKinds.Schools), _stored.GetValueOrDefault(ImportKinds.People),
            _stored.GetValueOrDefault(ImportKinds.Classes), _stored.GetValueOrDefault(ImportKinds.Deactivate), _errors, _moreErrors);

        private void Report(IEnumerable<ImportError> errors)
        {
            foreach (var error in errors)
            {
                if (_errors.Count < options.MaxReportedErrors)
                {
                    _errors.Add(error);
                }
                else
                {
                    _moreErrors++;
                }
            }
        }
    }
}
