namespace Collab.Api.Auth;

/// <summary>How a browser signs in through the OIDC issuer; all null when none is configured. Nothing secret.</summary>
public sealed record SignInConfig(string? Authority, string? ClientId, string? Scope);
