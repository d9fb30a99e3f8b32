using System.Diagnostics;
using Collab.Api.Errors;
using Collab.Api.RateLimiting;
using Collab.Grains.Interfaces.Common;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Live;

/// <summary>
/// Every hub call passes here: a per-user token bucket refuses floods with <c>rate_limited</c> (other users keep
/// their own buckets), an argument holding a control character is refused with <c>invalid_argument</c> before any grain
/// sees it (<see cref="ControlCharacters"/>), grain refusals become <c>HubException</c>s whose message starts with the code, and every log
/// written during the call carries the hub method, connection and user as a scope.
/// </summary>
public sealed class HubCallFilter(HubRateLimiter limiter, ILogger<HubCallFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = context.Context.UserIdentifier ?? context.Context.ConnectionId;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["HubMethod"] = context.HubMethodName,
            ["ConnectionId"] = context.Context.ConnectionId,
            ["UserId"] = user,
        });
        var startedAt = Stopwatch.GetTimestamp();
        using var lease = limiter.Limiter.AttemptAcquire(user);
        if (!lease.IsAcquired)
        {
            throw new HubException($"{ErrorCodes.RateLimited}: too many calls; slow down");
        }
        try
        {
            if (ControlCharacters.Find(context.HubMethod, context.HubMethodArguments) is { } field)
            {
                throw CollabException.Invalid($"{field} holds a control character");
            }
            var result = await next(context);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Hub method {Method} answered in {ElapsedMs:F1} ms", context.HubMethodName, Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
            }
            return result;
        }
        catch (Exception exception) when (exception is not HubException)
        {
            if (FaultTranslation.Translate(exception) is { } fault)
            {
                logger.LogDebug("Hub method {Method} refused with {Code}: {Reason}", context.HubMethodName, fault.Code, fault.Message);
                throw new HubException($"{fault.Code}: {fault.Message}");
            }
            logger.LogError(exception, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException("internal: the server failed to process the call");
        }
    }
}
