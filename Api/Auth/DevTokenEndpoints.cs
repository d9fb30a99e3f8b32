using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Auth;

public sealed record DevTokenRequest(string UserId, string? Name, string Role, string? School, string? County);

public static class DevTokenEndpoints
{
    public static IEndpointRouteBuilder MapDevTokenEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        api.MapPost("/api/dev/token", (DevTokenRequest request, TokenIssuer issuer, TimeProvider time) =>
        {
            if (!issuer.Enabled)
            {
                throw new CollabException(ErrorCodes.NotFound, "the development issuer is disabled");
            }
            if (string.IsNullOrWhiteSpace(request.UserId) || request.UserId.Length > 64)
            {
                throw CollabException.Invalid("userId must be a non-empty string of at most 64 characters");
            }
            if (!Roles.IsKnown(request.Role))
            {
                throw CollabException.Invalid("role must be teacher, student or admin");
            }
            return TypedResults.Ok(new { token = issuer.Issue(request, time.GetUtcNow()) });
        }).AllowAnonymous().WithName("DevToken");
        return routes;
    }
}
