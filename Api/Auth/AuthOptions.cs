namespace Collab.Api.Auth;

/// <summary>The <c>Collab:Auth</c> section (DESIGN §6, §8).</summary>
public sealed class AuthOptions
{
    public const string Section = "Collab:Auth";

    /// <summary>Null means "on in the Development environment"; true in any other environment refuses to start.</summary>
    public bool? DevIssuer { get; set; }

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>
    /// The <c>iss</c> that tokens signed with <see cref="SigningKey"/> must carry (and that the development issuer
    /// writes), so a token another system signed with a shared key is not taken for one of ours.
    /// </summary>
    public string? Issuer { get; set; }

    public string? SigningKey { get; set; }

    /// <summary>The web client's registration at <see cref="Authority"/> (authorization code + PKCE, a public client).</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the web client asks for; the access token must carry the claims of DESIGN §6.</summary>
    public string? Scope { get; set; }

    /// <summary>Off only to test against a local issuer over plain HTTP; refused in Production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public const string DefaultScope = "openid profile";

    public const string DefaultIssuer = "collab";

    public const string DefaultAudience = "collab";
}
