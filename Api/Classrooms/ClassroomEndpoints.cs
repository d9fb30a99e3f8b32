using System.Security.Claims;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;

namespace Collab.Api.Classrooms;

/// <summary>REST of PROTOCOL §8 (the classroom). Each endpoint: who is calling, one grain call, the result.</summary>
public static class ClassroomEndpoints
{
    public static IEndpointRouteBuilder MapClassroomEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        var classrooms = api.MapGroup("/api/classrooms").RequireAuthorization();

        classrooms.MapPost("/", async (CreateClassroom body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("cr");
            var classroom = await grains.GetGrain<IClassroomGrain>(id).CreateAsync(user.ToCaller(), body);
            return TypedResults.Created($"/api/classrooms/{id}", new { id, classroom });
        });

        classrooms.MapGet("/{id}", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IClassroomGrain>(id).GetAsync(user.ToCaller()));

        classrooms.MapGet("/{id}/report", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<IClassroomGrain>(id).ReportAsync(user.ToCaller()));

        api.MapGet("/api/me/classrooms", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var caller = user.ToCaller();
            var ids = await grains.GetGrain<IUserClassroomsGrain>(caller.UserId).ListAsync();
            var found = await Task.WhenAll(ids.Select(async id =>
            {
                try
                {
                    return await grains.GetGrain<IClassroomGrain>(id).GetAsync(caller);
                }
                catch (CollabException)
                {
                    // A classroom whose write failed after the list was told of it: the list outlives it, the answer does not.
                    return null;
                }
            }));
            return found.OfType<ClassroomInfo>().ToList();
        }).RequireAuthorization();

        return routes;
    }
}
