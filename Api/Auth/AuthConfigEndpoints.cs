namespace Collab.Api.Auth;

public static class AuthConfigEndpoints
{
    /// <summary>
    /// <c>GET /api/auth/config</c>, before sign-in: whether the development issuer answers, and where the OIDC issuer
    /// is, so one web client build serves development and production.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthConfigEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/auth/config", (TokenIssuer issuer, SignInConfig signIn) =>
            TypedResults.Ok(new AuthConfigResponse(issuer.Enabled, signIn.Authority, signIn.ClientId, signIn.Scope)))
            .AllowAnonymous().WithName("AuthConfig");
        return routes;
    }
}
