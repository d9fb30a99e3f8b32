namespace Collab.Api.CityDirectory;

/// <summary>The <c>Collab:Directory</c> section's sign-in updates, Api side.</summary>
public sealed class SignInClaimsOptions
{
    /// <summary>Take a person's name and school from the city platform's tokens (never from the development issuer's).</summary>
    public bool UpdateFromSignIn { get; set; } = true;

    /// <summary>How many users' last seen claims a node remembers, so that only a change costs a directory write.</summary>
    public int RememberedUsers { get; set; } = 100_000;
}
