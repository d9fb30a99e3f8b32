using System.Buffers;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Directory;

namespace Collab.Api.CityDirectory;

/// <summary>
/// Reads an import's JSON body (PROTOCOL §6: an object of row arrays by kind) one row at a time, so a file of 250,000
/// people never sits in memory whole: the buffer holds the rows not yet handed on, and grows only for one row larger
/// than itself. A body that is not such an object is refused with <c>invalid_argument</c>; the caller reads the file
/// once for that before it stores anything.
/// </summary>
public sealed class ImportJsonReader(Stream body)
{
    /// <summary>The largest one row may be: a class of 500 members with long ids fits many times over.</summary>
    public const int MaxRowBytes = 1024 * 1024;

    private static readonly string[] Kinds = [ImportKinds.Schools, ImportKinds.People, ImportKinds.Classes, ImportKinds.Deactivate];

    private enum Position { BeforeRoot, InRoot, BeforeArray, InArray, Done }

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _filled;
    private bool _final;
    private JsonReaderState _state;
    private Position _position = Position.BeforeRoot;
    private string _kind = "";
    private readonly Dictionary<string, int> _rows = [];
    private readonly HashSet<string> _seenKinds = [];

    /// <summary>The rows in the order they come; ends when the body does.</summary>
    public async IAsyncEnumerable<ImportRow> ReadAsync()
    {
        var rows = new List<ImportRow>();
        try
        {
            while (_position != Position.Done)
            {
                if (!_final)
                {
                    await FillAsync();
                }
                var consumed = Parse(rows);
                foreach (var row in rows)
                {
                    yield return row;
                }
                rows.Clear();
                Shift(consumed);
                if (_final && consumed == 0 && _position != Position.Done)
                {
                    throw CollabException.Invalid("the body ends before its JSON does");
                }
            }
            await RequireOnlyWhitespaceAsync();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    /// <summary>Nothing but whitespace may follow the object: a second value would be rows nobody checked.</summary>
    private async Task RequireOnlyWhitespaceAsync()
    {
        while (true)
        {
            if (_buffer.AsSpan(0, _filled).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                throw CollabException.Invalid("the body holds more after its JSON object");
            }
            _filled = 0;
            if (_final)
            {
                return;
            }
            await FillAsync();
        }
    }

    private async Task FillAsync()
    {
        if (_filled == _buffer.Length)
        {
            if (_buffer.Length >= MaxRowBytes)
            {
                throw new CollabException(ErrorCodes.TooLarge, $"a row of the import is larger than {MaxRowBytes} bytes");
            }
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        var read = await body.ReadAsync(_buffer.AsMemory(_filled));
        _filled += read;
        _final = read == 0;
    }

    private void Shift(int consumed)
    {
        _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
        _filled -= consumed;
    }

    /// <summary>Reads what the buffer holds whole; returns how many bytes of it are done with.</summary>
    private int Parse(List<ImportRow> rows)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _filled), _final, _state);
        try
        {
            while (_position != Position.Done && Step(ref reader, rows))
            {
            }
        }
        catch (JsonException e)
        {
            throw CollabException.Invalid($"the body is not valid JSON: {e.Message}");
        }
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>One token (or one whole row) further; false when the buffer holds no more whole ones.</summary>
    private bool Step(ref Utf8JsonReader reader, List<ImportRow> rows)
    {
        if (_position == Position.InArray)
        {
            return Row(ref reader, rows);
        }
        if (!reader.Read())
        {
            return false;
        }
        switch (_position)
        {
            case Position.BeforeRoot when reader.TokenType == JsonTokenType.StartObject:
                _position = Position.InRoot;
                return true;
            case Position.InRoot when reader.TokenType == JsonTokenType.EndObject:
                _position = Position.Done;
                return true;
            case Position.InRoot when reader.TokenType == JsonTokenType.PropertyName:
                _kind = reader.GetString()!;
                if (!Kinds.Contains(_kind))
                {
                    throw CollabException.Invalid($"the body holds {Quoted(_kind)}; its keys are {string.Join(", ", Kinds)}");
                }
                if (!_seenKinds.Add(_kind))
                {
                    throw CollabException.Invalid($"the body holds {_kind} more than once");
                }
                _position = Position.BeforeArray;
                return true;
            case Position.BeforeArray when reader.TokenType == JsonTokenType.StartArray:
                _position = Position.InArray;
                return true;
            case Position.BeforeArray:
                throw CollabException.Invalid($"{_kind} is an array of rows");
            default:
                throw CollabException.Invalid("the body is a JSON object of row arrays (schools, people, classes, deactivate)");
        }
    }

    private bool Row(ref Utf8JsonReader reader, List<ImportRow> rows)
    {
        var probe = reader;
        if (!probe.Read())
        {
            return false;
        }
        if (probe.TokenType == JsonTokenType.EndArray)
        {
            reader = probe;
            _position = Position.InRoot;
            return true;
        }
        if (!probe.TrySkip())
        {
            return false;
        }
        reader.Read();
        var value = JsonElement.ParseValue(ref reader);
        var row = _rows[_kind] = _rows.GetValueOrDefault(_kind) + 1;
        rows.Add(Typed(_kind, row, value));
        return true;
    }

    /// <summary>A row whose fields have the wrong JSON types is reported as that row's error; the others are read on.</summary>
    private static ImportRow Typed(string kind, int row, JsonElement value)
    {
        if (kind == ImportKinds.Deactivate)
        {
            return value.ValueKind == JsonValueKind.String
                ? new ImportRow(kind, row, value.GetString())
                : new ImportRow(kind, row, null, "userId", "a user id to deactivate is a string");
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new ImportRow(kind, row, null, "row", "a row is a JSON object");
        }
        try
        {
            object? typed = kind switch
            {
                ImportKinds.Schools => value.Deserialize<ImportSchool>(JsonSerializerOptions.Web),
                ImportKinds.People => value.Deserialize<ImportPerson>(JsonSerializerOptions.Web),
                _ => value.Deserialize<ImportClass>(JsonSerializerOptions.Web),
            };
            return new ImportRow(kind, row, typed);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "row";
            return new ImportRow(kind, row, null, field, $"{field} has the wrong type");
        }
    }

    private static string Quoted(string key) => key.Length > 40 ? $"\"{key[..40]}…\"" : $"\"{key}\"";
}
