using System.Security.Claims;
using System.Text;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Api.Live;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Api.Exams;

/// <summary>REST of PROTOCOL §5 for exam authors, proctors and markers. Each endpoint: who is calling, one grain call, the result.</summary>
public static class ExamEndpoints
{
    public static IEndpointRouteBuilder MapExamEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        var exams = api.MapGroup("/api/exams").RequireAuthorization();

        exams.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("ex");
            var view = await grains.GetGrain<IExamGrain>(id).CreateAsync(user.ToCaller(), await BodyAsync(request));
            return TypedResults.Created($"/api/exams/{id}", new { id = view.Id });
        });

        exams.MapPut("/{id}", async (string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            ExamViewResponse.From(await Exam(grains, id).UpdateAsync(user.ToCaller(), await BodyAsync(request))));

        exams.MapGet("/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            ExamViewResponse.From(await Exam(grains, id).GetAsync(user.ToCaller())));

        exams.MapPost("/{id}/publish", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            ExamViewResponse.From(await Exam(grains, id).PublishAsync(user.ToCaller())));

        exams.MapPost("/{id}/extra-time", (string id, CandidateActionRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            Exam(grains, id).ActOnCandidateAsync(user.ToCaller(),
                new ProctorAction(body.StudentId ?? "", ProctorAction.Extend, body.Minutes, body.Why)));

        exams.MapGet("/{id}/irregularities", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            new { entries = await Exam(grains, id).GetIrregularitiesAsync(user.ToCaller()) });

        exams.MapPost("/{id}/accommodations", (string id, AccommodationRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            Exam(grains, id).SetAccommodationAsync(user.ToCaller(), body.StudentId ?? "", body.ExtraMinutes));

        exams.MapGet("/{id}/results", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            Exam(grains, id).GetResultsAsync(user.ToCaller()));

        exams.MapPost("/{id}/results/publish", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            ExamViewResponse.From(await Exam(grains, id).PublishResultsAsync(user.ToCaller())));

        exams.MapGet("/{id}/my-result", (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            Exam(grains, id).GetMyResultAsync(user.ToCaller()));

        exams.MapGet("/{id}/results.csv", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var exam = Exam(grains, id);
            var caller = user.ToCaller();
            var results = await exam.GetResultsAsync(caller);
            var view = await exam.GetAsync(caller);
            return Results.Text(ResultsCsv.Write(results.Students, view.Spec.Questions), "text/csv; charset=utf-8");
        });

        exams.MapGet("/{id}/results/by", async (string id, string? dimension, ClaimsPrincipal user, IGrainFactory grains) =>
            new { groups = await Exam(grains, id).GetResultsByAsync(user.ToCaller(), dimension ?? "") });

        exams.MapGet("/{id}/item-analysis", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            new { questions = await Exam(grains, id).GetItemAnalysisAsync(user.ToCaller()) });

        exams.MapGet("/{id}/analysis.csv", async (string id, string? dimension, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var chosen = dimension ?? AnalysisDimensions.School;
            var groups = await Exam(grains, id).GetResultsByAsync(user.ToCaller(), chosen);
            return Results.File(Encoding.UTF8.GetBytes(AnalysisCsv.Write(chosen, groups)), "text/csv; charset=utf-8", $"{id}-{chosen}.csv");
        });

        exams.MapGet("/{id}/analysis.xlsx", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            Results.File(AnalysisWorkbook.Write(await Exam(grains, id).GetAnalysisAsync(user.ToCaller())), AnalysisWorkbook.ContentType, $"{id}-analysis.xlsx"));

        exams.MapGet("/{id}/analysis.html", async (string id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var analysis = await Exam(grains, id).GetAnalysisAsync(user.ToCaller());
            // Names and titles are the users' text: the report is encoded, and may run no script and load nothing.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return Results.Content(AnalysisReport.Render(analysis), "text/html; charset=utf-8");
        });

        exams.MapPut("/{id}/questions/{questionId}/key", async (string id, string questionId, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            await Exam(grains, id).ChangeKeyAsync(user.ToCaller(), questionId, await BodyAsync(request)));

        exams.MapGet("/{id}/audit", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            new { entries = await Exam(grains, id).GetAuditAsync(user.ToCaller()) });

        exams.MapGet("/{id}/marking/next", async (string id, string? questionId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var task = await Marking(grains, id, questionId).NextAsync(user.ToCaller());
            return task is null ? Results.NoContent() : Results.Ok(task);
        });

        exams.MapGet("/{id}/marking/progress", (string id, string? questionId, ClaimsPrincipal user, IGrainFactory grains) =>
            Marking(grains, id, questionId).GetProgressAsync(user.ToCaller()));

        exams.MapPost("/{id}/marks", (string id, MarkRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            Marking(grains, id, body.QuestionId).MarkAsync(user.ToCaller(), body.AttemptRef ?? "", body.Points));

        api.MapGet("/api/me/exams", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var caller = user.ToCaller();
            if (caller.Role == Roles.Student)
            {
                return Results.Ok(await grains.GetGrain<IStudentExamsGrain>(0).ListAsync(caller));
            }
            var ids = await grains.GetGrain<IAuthorExamsGrain>(caller.UserId).ListAsync(caller);
            return Results.Ok(await Task.WhenAll(ids.Select(id => Exam(grains, id).GetSummaryAsync(caller))));
        }).RequireAuthorization();

        return routes;
    }

    private static IExamGrain Exam(IGrainFactory grains, string id) =>
        grains.GetGrain<IExamGrain>(ValidExamId(id));

    private static IExamMarkingGrain Marking(IGrainFactory grains, string id, string? questionId) =>
        string.IsNullOrWhiteSpace(questionId) || questionId.Length > LiveHub<ExamHub, IExamGrain>.MaxIdLength
            ? throw CollabException.Invalid("questionId is required")
            : grains.GetGrain<IExamMarkingGrain>(AttemptKeys.Of(ValidExamId(id), questionId));

    private static string ValidExamId(string id) =>
        id.Contains(':') ? throw CollabException.Invalid("an exam id has no colon") : id;

    /// <summary>The paper travels as JSON text to the grain, which parses it, so every client gets the same refusals.</summary>
    private static async Task<string> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }
}
