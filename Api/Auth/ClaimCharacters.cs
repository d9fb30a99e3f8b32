using Collab.Api.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Collab.Api.Auth;

/// <summary>
/// A token whose identity claims hold a control character (<see cref="ControlCharacters"/>) is refused like an invalid
/// one: the subject becomes a key in every table and the name is shown to every member, whoever issued the token.
/// </summary>
public static class ClaimCharacters
{
    private static readonly string[] Checked = [CollabClaims.Subject, CollabClaims.Name, CollabClaims.Role, CollabClaims.School, CollabClaims.County];

    public static Task RefuseAsync(TokenValidatedContext context)
    {
        if (context.Principal?.Claims.FirstOrDefault(claim => Checked.Contains(claim.Type) && !ControlCharacters.Allowed(claim.Value, freeText: false)) is { } refused)
        {
            context.Fail($"the token's {refused.Type} claim holds a control character");
        }
        return Task.CompletedTask;
    }
}
