using System.Security.Claims;
using Collab.Api.Attachments;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.LessonPreps;
using Collab.Silo.Attachments;

namespace Collab.Api.LessonPreps;

/// <summary>REST of PROTOCOL §2. Each endpoint: who is calling, one grain call, the result.</summary>
public static class LessonPrepEndpoints
{
    public static IEndpointRouteBuilder MapLessonPrepEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        api.MapPost("/api/groups/{groupId}/lessonpreps", async (string groupId, CreateLessonPrep body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("lp");
            await grains.GetGrain<ILessonPrepGrain>(id).CreateAsync(user.ToCaller(), groupId, body);
            return TypedResults.Created($"/api/lessonpreps/{id}", new { id });
        }).RequireAuthorization();

        api.MapGet("/api/lessonpreps/{id}", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<ILessonPrepGrain>(id).GetAsync(user.ToCaller())).RequireAuthorization();

        api.MapPost("/api/lessonpreps/{id}/fork", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var forkId = NewIds.Next("lp");
            await grains.GetGrain<ILessonPrepGrain>(id).ForkAsync(user.ToCaller(), forkId);
            return TypedResults.Created($"/api/lessonpreps/{forkId}", new { id = forkId });
        }).RequireAuthorization();

        api.MapGet("/api/lessonpreps/{id}/export", async (string id, string? format, ClaimsPrincipal user, IGrainFactory grains,
            IAttachmentStore attachments, AttachmentAccess access, CancellationToken cancellationToken) =>
        {
            if (format is not (null or "markdown" or "html" or "docx"))
            {
                throw CollabException.Invalid("format is markdown, html or docx");
            }
            var plan = await grains.GetGrain<ILessonPrepGrain>(id).GetAsync(user.ToCaller());
            return format switch
            {
                "html" => Results.Text(LessonPlanExport.Html(plan), "text/html; charset=utf-8"),
                "docx" => Results.File(LessonPlanDocx.Render(plan, await DocxImages.LoadAsync(plan, user, attachments, access, cancellationToken)),
                    LessonPlanDocx.ContentType, $"{plan.Title}.docx"),
                _ => Results.Text(LessonPlanExport.Markdown(plan), "text/markdown; charset=utf-8"),
            };
        }).RequireAuthorization();

        api.MapGet("/api/lessonpreps/{id}/versions", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<ILessonPrepGrain>(id).ListVersionsAsync(user.ToCaller())).RequireAuthorization();

        api.MapGet("/api/lessonpreps/{id}/versions/{versionId}", (string id, string versionId, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<ILessonPrepGrain>(id).GetVersionAsync(user.ToCaller(), versionId)).RequireAuthorization();

        api.MapGet("/api/me/lessonpreps/copies", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var caller = user.ToCaller();
            var ids = await grains.GetGrain<IUserLessonCopiesGrain>(caller.UserId).ListAsync();
            var found = await Task.WhenAll(ids.Select(async id =>
            {
                try
                {
                    return await grains.GetGrain<ILessonPrepGrain>(id).CopySummaryAsync(caller);
                }
                catch (CollabException)
                {
                    // One copy that refuses (its silo briefly unavailable) leaves the rest of the home list.
                    return null;
                }
            }));
            return found.OfType<LessonCopySummary>().ToList();
        }).RequireAuthorization();

        return routes;
    }
}
