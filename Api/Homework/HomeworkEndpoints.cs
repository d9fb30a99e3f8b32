using System.Security.Claims;
using System.Text.Json;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Homework;

namespace Collab.Api.Homework;

/// <summary>REST of PROTOCOL §8 (homework for the classes at once). Each endpoint: who is calling, one grain call, the result.</summary>
public static class HomeworkEndpoints
{
    private const int MaxIdLength = 64;

    public static IEndpointRouteBuilder MapHomeworkEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RefuseControlCharacters();
        var homework = api.MapGroup("/api/homework").RequireAuthorization();

        homework.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var id = NewIds.Next("hw");
            var summary = await grains.GetGrain<IHomeworkGrain>(id).CreateAsync(user.ToCaller(), await BodyAsync(request));
            return TypedResults.Created($"/api/homework/{id}", new { id, homework = summary });
        });

        homework.MapGet("/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            Results.Content(await Homework(grains, id).ViewAsync(user.ToCaller()), "application/json"));

        homework.MapPut("/{id}/submission", async (string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var (command, answersJson) = Submission(await BodyAsync(request));
            return await Homework(grains, id).SubmitAsync(user.ToCaller(), command, answersJson);
        });

        homework.MapGet("/{id}/results", (string id, string? classId, ClaimsPrincipal user, IGrainFactory grains) =>
            Homework(grains, id).ResultsAsync(user.ToCaller(), classId));

        homework.MapGet("/{id}/marking/next", async (string id, string? questionId, ClaimsPrincipal user, IGrainFactory grains) =>
            await Homework(grains, id).NextToMarkAsync(user.ToCaller(), Required(questionId, "questionId")) is { } task
                ? Results.Ok(task)
                : Results.NoContent());

        homework.MapPost("/{id}/marks", (string id, MarkRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            Homework(grains, id).MarkAsync(user.ToCaller(), CommandOf(body.ClientId, body.ClientSeq),
                new HomeworkMark(Required(body.StudentId, "studentId"), Required(body.QuestionId, "questionId"),
                    body.Points ?? throw CollabException.Invalid("points are required"))));

        api.MapGet("/api/me/homework", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var caller = user.ToCaller();
            var ids = await grains.GetGrain<IUserHomeworkGrain>(caller.UserId).ListAsync();
            var found = await Task.WhenAll(ids.Select(async id =>
            {
                try
                {
                    return await grains.GetGrain<IHomeworkGrain>(id).SummaryAsync(caller);
                }
                catch (CollabException)
                {
                    // One homework that refuses (moved away, or its silo briefly unavailable) leaves the rest of the home list.
                    return null;
                }
            }));
            return found.OfType<HomeworkSummary>().ToList();
        }).RequireAuthorization();

        return routes;
    }

    private static IHomeworkGrain Homework(IGrainFactory grains, string id) => grains.GetGrain<IHomeworkGrain>(Required(id, "id"));

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength ? throw CollabException.Invalid($"{name} is required (at most {MaxIdLength} characters)") : value;

    /// <summary>
    /// The command id makes a resend (a retry after a lost response) answer with the first result; a client that sends
    /// none gets a fresh one, and a repeated PUT then simply replaces the submission with the same answers.
    /// </summary>
    private static CommandId CommandOf(string? clientId, long? clientSeq) =>
        clientId is null ? new CommandId($"rest-{Guid.NewGuid():N}", 0) : new CommandId(clientId, clientSeq ?? 0);

    /// <summary>The body <c>{"answers":{...},"clientId"?,"clientSeq"?}</c>; the answers travel as JSON text to the grain, which checks them.</summary>
    private static (CommandId Command, string AnswersJson) Submission(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("answers", out var answers))
            {
                throw CollabException.Invalid("the submission must be an object with answers");
            }
            var clientId = root.TryGetProperty("clientId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            long? clientSeq = root.TryGetProperty("clientSeq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var number) ? number : null;
            return (CommandOf(clientId, clientSeq), answers.GetRawText());
        }
        catch (JsonException)
        {
            throw CollabException.Invalid("the submission is not valid JSON");
        }
    }

    private static async Task<string> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }
}
