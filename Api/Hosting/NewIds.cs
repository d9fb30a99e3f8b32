using System.Security.Cryptography;

namespace Collab.Api.Hosting;

/// <summary>Short, unguessable, URL-safe ids such as <c>g-7kq2m9xw4t</c>.</summary>
public static class NewIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string Next(string prefix) => $"{prefix}-{RandomNumberGenerator.GetString(Alphabet, 12)}";
}
