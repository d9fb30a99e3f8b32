using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Collab.Api.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Api.Tests.Infrastructure;

/// <summary>Tokens signed with <see cref="TestKeys.SigningKey"/> as another issuer would sign them, for hosts configured with that key.</summary>
public static class TestTokens
{
    public static string Sign(string userId, string role, string? issuer, DateTimeOffset expires, string audience = AuthOptions.DefaultAudience)
    {
        var claims = new[] { new Claim(CollabClaims.Subject, userId), new Claim(CollabClaims.Role, role) };
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKeys.SigningKey));
        var token = new JwtSecurityToken(issuer, audience, claims, notBefore: null, expires.UtcDateTime,
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
