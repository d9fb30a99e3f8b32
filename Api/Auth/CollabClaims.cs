using System.Security.Claims;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Auth;

/// <summary>The claim names of DESIGN §6 and the mapping from an authenticated principal to a grain <see cref="Caller"/>.</summary>
public static class CollabClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string School = "school";
    public const string County = "county";

    public static Caller ToCaller(this ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(Subject);
        var role = principal.FindFirstValue(Role);
        if (string.IsNullOrEmpty(userId) || role is null || !Roles.IsKnown(role))
        {
            throw new CollabException(ErrorCodes.Unauthorized, "the token lacks a subject or a known role");
        }
        return new Caller(userId,
            principal.FindFirstValue(Name) ?? userId,
            role,
            principal.FindFirstValue(School) ?? "",
            principal.FindFirstValue(County) ?? "");
    }
}
