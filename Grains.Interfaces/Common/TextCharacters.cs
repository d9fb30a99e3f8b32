namespace Collab.Grains.Interfaces.Common;

/// <summary>
/// Which characters a client's text may hold, for the Api's checks of what arrives and the grains' checks of what an
/// import carries alike.
/// </summary>
public static class TextCharacters
{
    /// <summary>
    /// False when <paramref name="text"/> holds a control character (<see cref="char.IsControl(char)"/>): PostgreSQL
    /// refuses U+0000 in text, and ids, keys and short fields have no use for any of them. Free text keeps line
    /// breaks and tabs.
    /// </summary>
    public static bool Allowed(string text, bool freeText)
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
}
