using System.Security.Claims;
using Collab.Api.Auth;
using Collab.Grains.Interfaces.Directory;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Collab.Api.CityDirectory;

/// <summary>
/// The directory follows the city platform's tokens (PROTOCOL §6): when a user's token names them or their school
/// differently from what this node last saw, the directory takes the claims for that person. Everyone else sees the
/// directory's record, which a later import may set back. Remembering the last claims per user keeps the cost to the
/// first request after a change; a failed update is logged and retried on the next request, never a refused sign-in.
/// </summary>
public sealed class SignInClaims : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly ILogger<SignInClaims> _log;
    private readonly MemoryCache _seen;

    public SignInClaims(IGrainFactory grains, IOptions<SignInClaimsOptions> options, ILogger<SignInClaims> log)
    {
        _grains = grains;
        _log = log;
        _seen = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.RememberedUsers });
    }

    public async Task TakeAsync(TokenValidatedContext context)
    {
        if (context.Result is { Failure: not null } || context.Principal is not { } principal)
        {
            return;
        }
        var userId = principal.FindFirstValue(CollabClaims.Subject);
        var name = principal.FindFirstValue(CollabClaims.Name);
        var school = principal.FindFirstValue(CollabClaims.School);
        if (string.IsNullOrEmpty(userId) || (name is null && school is null))
        {
            return;
        }
        var claims = $"{name}\n{school}";
        if (_seen.TryGetValue(userId, out string? last) && last == claims)
        {
            return;
        }
        try
        {
            if (await _grains.GetGrain<IDirectoryGrain>(0).SignedInAsync(userId, name, school))
            {
                _log.LogInformation("the directory took {UserId}'s name or school from their token", userId);
            }
            _seen.Set(userId, claims, new MemoryCacheEntryOptions { Size = 1 });
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _log.LogWarning(error, "could not update the directory from {UserId}'s token; the next request tries again", userId);
        }
    }

    public void Dispose() => _seen.Dispose();
}
