using Microsoft.AspNetCore.SignalR;

namespace Collab.Api.Auth;

/// <summary>SignalR's user id is the token's <c>sub</c>, since inbound claims are not renamed.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(CollabClaims.Subject)?.Value;
}
