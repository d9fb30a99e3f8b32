using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;
using CsvHelper;

namespace Collab.Api.CityDirectory;

/// <summary>
/// Reads a CSV import of one kind (<c>?kind=</c>) row by row with CsvHelper, so the file is never in memory whole. The
/// header names the columns (any order; the optional ones may be left out); a list (subjects, a class's teachers and
/// students) is one field with its items separated by <c>;</c>. A wrong header, or a file CSV cannot read, is refused
/// with <c>invalid_argument</c>; a row with the wrong number of fields is that row's error.
/// </summary>
public sealed class ImportCsvReader(Stream body, string kind)
{
    public const char ListSeparator = ';';

    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Columns = new()
    {
        [ImportKinds.Schools] = (["code", "name", "county"], []),
        [ImportKinds.People] = (["userId", "name", "role", "schoolCode"], ["subjects"]),
        [ImportKinds.Classes] = (["id", "schoolCode", "name", "grade"], ["teacherIds", "studentIds"]),
        [ImportKinds.Deactivate] = (["userId"], []),
    };

    public static bool IsKind(string? kind) => kind is not null && Columns.ContainsKey(kind);

    /// <summary>Bad quoting is refused rather than guessed at: a guessed field would be stored as someone's name.</summary>
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        MaxRecordSize = ImportJsonReader.MaxRowBytes,
        SkipEmptyLines = true,
    };

    public async IAsyncEnumerable<ImportRow> ReadAsync()
    {
        await using var csv = CsvReader.Create(body, Options, leaveOpen: true);
        var columns = HeaderColumns(await Guarded(csv, async () =>
        {
            await csv.ReadHeaderAsync();
            return csv.Headers.ToList();
        }));
        var row = 0;
        while (await Guarded(csv, () => csv.ReadAsync().AsTask()))
        {
            row++;
            yield return csv.FieldCount != columns.Count
                ? new ImportRow(kind, row, null, "row", $"the row has {csv.FieldCount} fields; the header has {columns.Count}")
                : new ImportRow(kind, row, Value(csv, columns));
        }
    }

    private static async Task<T> Guarded<T>(CsvReader csv, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException e)
        {
            throw CollabException.Invalid($"the file is not CSV that can be read, near row {csv.RowNumber}: {e.Message}");
        }
    }

    private Dictionary<string, int> HeaderColumns(IReadOnlyList<string> header)
    {
        if (header.Count == 0)
        {
            throw CollabException.Invalid($"the file is empty; its first line is the header {Header(kind)}");
        }
        var (required, optional) = Columns[kind];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (!required.Contains(name) && !optional.Contains(name) || !columns.TryAdd(name, i))
            {
                throw CollabException.Invalid($"the header holds {Shown(name)}; a {kind} file's header is {Header(kind)}");
            }
        }
        if (required.FirstOrDefault(name => !columns.ContainsKey(name)) is { } missing)
        {
            throw CollabException.Invalid($"the header lacks {missing}; a {kind} file's header is {Header(kind)}");
        }
        return columns;
    }

    private object Value(CsvReader csv, Dictionary<string, int> columns)
    {
        string? Field(string name) => columns.TryGetValue(name, out var i) ? csv.GetString(i) : null;
        IReadOnlyList<string?>? List(string name) =>
            Field(name) is { Length: > 0 } items ? items.Split(ListSeparator, StringSplitOptions.TrimEntries) : null;
        return kind switch
        {
            ImportKinds.Schools => new ImportSchool(Field("code"), Field("name"), Field("county")),
            ImportKinds.People => new ImportPerson(Field("userId"), Field("name"), Field("role"), Field("schoolCode"), List("subjects")),
            ImportKinds.Classes => new ImportClass(Field("id"), Field("schoolCode"), Field("name"), Field("grade"), List("teacherIds"), List("studentIds")),
            _ => Field("userId")!,
        };
    }

    private static string Header(string kind) => string.Join(",", Columns[kind].Required.Concat(Columns[kind].Optional));

    private static string Shown(string name) => name.Length == 0 ? "an empty column name" : name.Length > 40 ? $"\"{name[..40]}…\"" : $"\"{name}\"";
}
