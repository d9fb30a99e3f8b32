using System.Security.Claims;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Tutoring;

namespace Collab.Api.Tutoring;

/// <summary>REST of PROTOCOL §4. Each endpoint: who is calling, one grain call, the result.</summary>
public static class TutoringEndpoints
{
    public static IEndpointRouteBuilder MapTutoringEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        var rooms = api.MapGroup("/api/tutoring/rooms").RequireAuthorization();

        rooms.MapPost("/", async (CreateTutoringRoom body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("tr");
            var room = await grains.GetGrain<ITutoringRoomGrain>(id).CreateAsync(user.ToCaller(), body);
            return TypedResults.Created($"/api/tutoring/rooms/{id}", new { id, room });
        });

        rooms.MapGet("/", async (string? subject, IGrainFactory grains) =>
        {
            if (subject?.Length > TutoringLimits.SubjectLength)
            {
                throw CollabException.TooLarge($"subject is at most {TutoringLimits.SubjectLength} characters");
            }
            var subjects = string.IsNullOrWhiteSpace(subject)
                ? await grains.GetGrain<ITutoringSubjectsGrain>(ITutoringSubjectsGrain.Key).ListAsync()
                : [TutoringSubjects.Key(subject)];
            var listings = await Task.WhenAll(subjects.Select(key => grains.GetGrain<ITutoringDirectoryGrain>(key).ListAsync()));
            return listings.SelectMany(rooms => rooms).OrderBy(r => r.QueueLength).ThenBy(r => r.RoomId, StringComparer.Ordinal).ToList();
        });

        rooms.MapGet("/{id}", (string id, IGrainFactory grains) =>
            grains.GetGrain<ITutoringRoomGrain>(id).GetAsync());

        rooms.MapGet("/{id}/sessions", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<ITutoringRoomGrain>(id).HistoryAsync(user.ToCaller()));

        api.MapGet("/api/me/tutoring/sessions", (ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<ITutoringStudentGrain>(user.ToCaller().UserId).ListAsync()).RequireAuthorization();

        api.MapGet("/api/me/tutoring/rooms", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var ids = await grains.GetGrain<ITutoringTutorGrain>(user.ToCaller().UserId).ListRoomsAsync();
            return await Task.WhenAll(ids.Select(id => grains.GetGrain<ITutoringRoomGrain>(id).GetAsync()));
        }).RequireAuthorization();

        return routes;
    }
}
