using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Api.Auth;

/// <summary>The development issuer behind <c>POST /api/dev/token</c>; on in the Development environment only.</summary>
public sealed class TokenIssuer(bool enabled, SymmetricSecurityKey? key, string issuer, string audience)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public bool Enabled => enabled && key is not null;

    public string Issue(DevTokenRequest request, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(CollabClaims.Subject, request.UserId),
            new(CollabClaims.Name, request.Name ?? request.UserId),
            new(CollabClaims.Role, request.Role),
            new(CollabClaims.School, request.School ?? ""),
            new(CollabClaims.County, request.County ?? ""),
        };
        var token = new JwtSecurityToken(
            issuer,
            audience,
            claims,
            now.UtcDateTime,
            (now + Lifetime).UtcDateTime,
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
