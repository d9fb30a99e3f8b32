namespace Collab.Api.Auth;

/// <summary>The <c>Collab:Auth</c> section (DESIGN §6, §8).</summary>
public sealed class AuthOptions
{
    public const string Section = "Collab:Auth";

    /// <summary>Null means "on unless the environment is Production".</summary>
    public bool? DevIssuer { get; set; }

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string? SigningKey { get; set; }

    public const string DevIssuerName = "collab-dev";

    public const string DevAudience = "collab";
}
