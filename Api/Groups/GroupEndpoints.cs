using System.Security.Claims;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Groups;

namespace Collab.Api.Groups;

/// <summary>REST of PROTOCOL §1 and the groups part of §6 (the catalog, join requests). Each endpoint: who is calling, one grain call, the result.</summary>
public static class GroupEndpoints
{
    public static IEndpointRouteBuilder MapGroupEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        var groups = api.MapGroup("/api/groups").RequireAuthorization();

        groups.MapPost("/", async (CreateGroup body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("g");
            await grains.GetGrain<IGroupGrain>(id).CreateAsync(user.ToCaller(), body);
            return TypedResults.Created($"/api/groups/{id}", new { id });
        });

        groups.MapGet("/", (string? county, string? subject, string? grade, string? q, int? limit, string? cursor, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IGroupCatalogGrain>(0).SearchAsync(user.ToCaller(), new GroupQuery(county, subject, grade, q, limit ?? 0, cursor)));

        groups.MapGet("/{id}", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IGroupGrain>(id).GetAsync(user.ToCaller()));

        groups.MapPost("/{id}/members", (string id, NewMember body, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IGroupGrain>(id).AddMemberAsync(user.ToCaller(), body));

        groups.MapDelete("/{id}/members/{userId}", async (string id, string userId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await grains.GetGrain<IGroupGrain>(id).RemoveMemberAsync(user.ToCaller(), userId);
            return TypedResults.NoContent();
        });

        groups.MapPost("/{id}/join-requests", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IGroupGrain>(id).RequestJoinAsync(user.ToCaller()));

        groups.MapPost("/{id}/join-requests/{userId}/approve", (string id, string userId, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IGroupGrain>(id).ApproveJoinAsync(user.ToCaller(), userId));

        groups.MapGet("/{id}/join-requests", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            new { requests = (await grains.GetGrain<IGroupGrain>(id).ListJoinRequestsAsync(user.ToCaller())).Select(JoinRequestLine.From).ToList() });

        groups.MapPost("/{id}/join-requests/{userId}/decline", async (string id, string userId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await grains.GetGrain<IGroupGrain>(id).DeclineJoinAsync(user.ToCaller(), userId);
            return TypedResults.NoContent();
        });

        api.MapGet("/api/me/groups", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var caller = user.ToCaller();
            var ids = await grains.GetGrain<IUserGroupsGrain>(caller.UserId).ListAsync();
            var summaries = await Task.WhenAll(ids.Select(id => grains.GetGrain<IGroupGrain>(id).GetSummaryAsync(caller)));
            return summaries.OfType<GroupSummary>().ToList();
        }).RequireAuthorization();

        return routes;
    }
}
