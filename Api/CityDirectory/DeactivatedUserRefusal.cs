using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.CityDirectory;

public static class DeactivatedUserRefusal
{
    /// <summary>A valid token of a deactivated user is refused with <c>forbidden</c> (PROTOCOL §6), a hub's negotiation included.</summary>
    public static IApplicationBuilder UseDeactivatedUserRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(CollabClaims.Subject)?.Value is { } user
                && context.RequestServices.GetRequiredService<DeactivatedUsers>().Contains(user))
            {
                await Problems.WriteAsync(context, ErrorCodes.Forbidden, "this account is deactivated");
                return;
            }
            await next(context);
        });
}
