using System.Security.Claims;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Observations;

namespace Collab.Api.Observations;

/// <summary>REST of PROTOCOL §3. Each endpoint: who is calling, one grain call, the result.</summary>
public static class ObservationEndpoints
{
    public static IEndpointRouteBuilder MapObservationEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        api.MapPost("/api/groups/{groupId}/observations", async (string groupId, CreateObservation body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("ob");
            var created = await grains.GetGrain<IObservationGrain>(id).CreateAsync(user.ToCaller(), groupId, body);
            return TypedResults.Created($"/api/observations/{id}", new { id, created.Status, created.StartsAt, created.Rubric });
        }).RequireAuthorization();

        api.MapGet("/api/observations/{id}/report", async (string id, string? format, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (format is not (null or "json" or "html"))
            {
                throw CollabException.Invalid("format is json or html");
            }
            var report = await grains.GetGrain<IObservationGrain>(id).GetReportAsync(user.ToCaller());
            return format == "html"
                ? Results.Text(ObservationReportPage.Html(report), "text/html; charset=utf-8")
                : Results.Ok(report);
        }).RequireAuthorization();

        return routes;
    }
}
