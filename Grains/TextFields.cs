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

    private static string Bounded(string value, string field, int maxLength) =>
        value.Length > maxLength
            ? throw CollabException.TooLarge($"{field} is longer than {maxLength} characters")
            : value;
}
