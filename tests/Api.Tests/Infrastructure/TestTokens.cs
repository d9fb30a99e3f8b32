using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Collab.Api.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Api.Tests.Infrastructure;

/// <summary>Tokens signed with <see cref="TestKeys.SigningKey"/> as another issuer would sign them, for hosts configured with that key.</summary>
public static class TestTokens
{
    public static string Sign(string userId, string role, string? issuer, DateTimeOffset expires, string audience = AuthOptions.DefaultAudience) =>
        Sign(issuer, expires, audience, new Claim(CollabClaims.Subject, userId), new Claim(CollabClaims.Role, role));

    /// <summary>A token with a name and a school claim, as the city platform's tokens carry them.</summary>
    public static string SignPerson(string userId, string role, string name, string school, string issuer, DateTimeOffset expires) =>
        Sign(issuer, expires, AuthOptions.DefaultAudience, new Claim(CollabClaims.Subject, userId), new Claim(CollabClaims.Role, role),
            new Claim(CollabClaims.Name, name), new Claim(CollabClaims.School, school));

    private static string Sign(string? issuer, DateTimeOffset expires, string audience, params Claim[] claims)
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKeys.SigningKey));
        var token = new JwtSecurityToken(issuer, audience, claims, notBefore: null, expires.UtcDateTime,
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
