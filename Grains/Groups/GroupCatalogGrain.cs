using System.Buffers.Text;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Groups;
using Orleans.Concurrency;

namespace Collab.Grains.Groups;

/// <summary>Reads the catalog for whoever asks, on any silo: it holds nothing, so as many activations as the load needs.</summary>
[StatelessWorker]
public sealed class GroupCatalogGrain(IGroupCatalog catalog) : Grain, IGroupCatalogGrain
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<GroupPage> SearchAsync(Caller caller, GroupQuery query)
    {
        if (!caller.IsTeacher && !caller.IsAdmin)
        {
            throw CollabException.Forbidden("only teachers and admins look for groups");
        }
        var limit = query.Limit == 0 ? DefaultLimit : query.Limit;
        if (limit is < 1 or > MaxLimit)
        {
            throw CollabException.Invalid($"limit is between 1 and {MaxLimit}");
        }
        var normalised = new GroupQuery(
            Filter(query.County, "county"), Filter(query.Subject, "subject"), Filter(query.Grade, "grade"),
            Filter(query.Q, "q", GroupLimits.NameLength), limit, null);
        var lines = await catalog.SearchAsync(normalised, Decode(query.After));
        var next = lines.Count == limit ? Encode(new GroupCursor(lines[^1].Name, lines[^1].Id)) : null;
        return new GroupPage(lines, next);
    }

    private static string? Filter(string? value, string field, int length = GroupLimits.ShortFieldLength) =>
        string.IsNullOrWhiteSpace(value) ? null : TextFields.Optional(value, field, length);

    // The cursor is opaque to clients: base64url of the last line's name and id, so a name holding any character
    // travels safely in a query string.
    private static string Encode(GroupCursor cursor) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { cursor.Name, cursor.Id }));

    private static GroupCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            if (parts is [var name, var id])
            {
                return new GroupCursor(name, id);
            }
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
        }
        throw CollabException.Invalid("cursor is not one this server gave");
    }
}
