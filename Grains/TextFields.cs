using Collab.Grains.Interfaces.Common;

namespace Collab.Grains;

/// <summary>Validation of user-supplied text fields, with the protocol's error codes.</summary>
public static class TextFields
{
    public static string Required(string? value, string field, int maxLength, bool trim = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw CollabException.Invalid($"{field} must not be empty");
        }
        return Bounded(trim ? value.Trim() : value, field, maxLength);
    }

    public static string Optional(string? value, string field, int maxLength) =>
        value is null ? "" : Bounded(value.Trim(), field, maxLength);

    /// <summary>
    /// False when <paramref name="text"/> holds a control character (<see cref="char.IsControl(char)"/>): PostgreSQL
    /// refuses U+0000 in text, and ids, keys and short fields have no use for any of them. Free text keeps line
    /// breaks and tabs.
    /// </summary>
    public static bool AllowedCharacters(string text, bool freeText)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(freeText && c is '\n' or '\r' or '\t'))
            {
                return false;
            }
        }
        return true;
    }

    private static string Bounded(string value, string field, int maxLength) =>
        value.Length > maxLength
            ? throw CollabException.TooLarge($"{field} is longer than {maxLength} characters")
            : value;
}
