using Microsoft.AspNetCore.SignalR;

namespace Collab.Bench.Baseline;

/// <summary>The caller's id as the baseline knows it: the bearer token as sent (B0 issues the user id as the token, nothing verifies it).</summary>
public static class HubCaller
{
    public const string UserKey = "user";

    public static void Remember(HubCallerContext context) =>
        context.Items[UserKey] = FromRequest(context.GetHttpContext()?.Request) ?? context.ConnectionId;

    public static string Of(HubCallerContext context) => (string)context.Items[UserKey]!;

    private static string? FromRequest(HttpRequest? request)
    {
        if (request is null)
        {
            return null;
        }
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..];
        }
        var query = request.Query["access_token"].ToString();
        return query.Length > 0 ? query : null;
    }
}
