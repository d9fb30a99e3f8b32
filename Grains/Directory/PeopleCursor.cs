using System.Buffers.Text;
using System.Text.Json;
using Collab.Grains.Interfaces.Common;

namespace Collab.Grains.Directory;

/// <summary>
/// Where a page of people ended: the (name, user id) of its last row, which orders the search. Opaque to clients:
/// base64url of a small JSON array, so a row added or changed between pages neither repeats nor skips the others.
/// </summary>
public sealed record PeopleCursor(string Name, string UserId)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Name, UserId }));

    public static PeopleCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            if (parts is [{ } name, { } userId] && TextCharacters.Allowed(name, false) && TextCharacters.Allowed(userId, false))
            {
                return new PeopleCursor(name, userId);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }
        throw CollabException.Invalid("cursor is not one this search returned");
    }
}
