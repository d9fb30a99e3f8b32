namespace Collab.Api.Auth;

/// <summary>The answer of <c>GET /api/auth/config</c>; the OIDC fields are null when no issuer is configured.</summary>
public sealed record AuthConfigResponse(bool DevIssuer, string? Authority, string? ClientId, string? Scope);
