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
    public static SymmetricSecurityKey Resolve(AuthOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Collab:Auth:SigningKey must be at least 32 bytes long");
            }
            return new SymmetricSecurityKey(bytes);
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "dev-signing-key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
