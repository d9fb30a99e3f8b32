using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Api.Auth;

/// <summary>
/// The symmetric key that signs and checks tokens when no OIDC authority is configured: the configured one, or for the
/// development issuer a random key kept in the data folder so that tokens outlive a restart.
/// </summary>
public static class SigningKeys
{
    /// <summary>Words of the values people paste from samples and templates, which anyone who read the same file knows.</summary>
    private static readonly string[] Placeholders =
        ["change-me", "changeme", "change_me", "placeholder", "secret", "example", "password", "replace-me", "your-key", "signing-key"];

    private const int MinimumBytes = 32;
    private const int MinimumDistinctCharacters = 10;
    private const double MinimumBitsPerCharacter = 3.0;

    public static SymmetricSecurityKey Resolve(AuthOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (Weakness(options.SigningKey) is { } weakness)
            {
                throw new InvalidOperationException(
                    $"Collab:Auth:SigningKey {weakness}; use a random key of at least {MinimumBytes} bytes, e.g. `openssl rand -base64 48`");
            }
            return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "dev-signing-key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>
    /// Why a configured key cannot be trusted to be secret, or null. Anyone who can guess the key can sign a token with
    /// any user and role, so beside the length this refuses what a person typed rather than what a generator drew: a
    /// template's words, few distinct characters, little Shannon entropy, one block repeated, or a run such as abcd….
    /// </summary>
    public static string? Weakness(string key)
    {
        if (Encoding.UTF8.GetByteCount(key) < MinimumBytes)
        {
            return $"must be at least {MinimumBytes} bytes long";
        }
        if (Placeholders.FirstOrDefault(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)) is { } placeholder)
        {
            return $"looks like a placeholder (it contains '{placeholder}')";
        }
        var counts = key.GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count < MinimumDistinctCharacters)
        {
            return $"has only {counts.Count} distinct characters";
        }
        var bits = -counts.Sum(count => (double)count / key.Length * Math.Log2((double)count / key.Length));
        if (bits < MinimumBitsPerCharacter)
        {
            return $"does not look random ({bits:0.0} bits of entropy per character)";
        }
        if (RepeatedBlock(key) is { } block)
        {
            return $"repeats the block '{block}'";
        }
        // Neighbours equal or one code point apart: about one in twenty of a random base64 key's, most of "aaaa1234abcd…".
        var steps = Enumerable.Range(1, key.Length - 1).Count(i => Math.Abs(key[i] - key[i - 1]) <= 1);
        if (steps * 2 > key.Length - 1)
        {
            return "does not look random (mostly runs of equal or consecutive characters)";
        }
        return null;
    }

    private static string? RepeatedBlock(string key)
    {
        for (var length = 1; length <= key.Length / 2; length++)
        {
            if (Enumerable.Range(length, key.Length - length).All(i => key[i] == key[i - length]))
            {
                return key[..length];
            }
        }
        return null;
    }
}
