namespace Collab.Api.Tests.Infrastructure;

/// <summary>A signing key that passes the start-up checks, for hosts that run without the development issuer.</summary>
public static class TestKeys
{
    public const string SigningKey = "XotnpORDQ3/bEShsGjRaE2FmAoZk+3rFB7KmVECSALLf";
}
