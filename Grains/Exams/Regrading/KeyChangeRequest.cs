using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams.Regrading;

/// <summary>
/// The body of <c>PUT /api/exams/{id}/questions/{questionId}/key</c> (PROTOCOL §7): <c>{"answer","reason"}</c>. Only an
/// objective question has a key to change; the answer is checked as in the paper, and a reason is required.
/// </summary>
public sealed record KeyChangeRequest(AnswerKey Key, string Reason)
{
    public const int ReasonLength = 500;

    public static KeyChangeRequest Parse(PaperQuestion question, string json)
    {
        if (!QuestionKinds.IsObjective(question.Kind))
        {
            throw CollabException.Invalid($"question {question.Id} is a short answer; it has no key, its markers score it");
        }
        using var document = JsonFields.Parse(json, "the key change");
        var body = document.RootElement;
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw CollabException.Invalid("the key change must be a JSON object with answer and reason");
        }
        var reason = TextFields.Required(JsonFields.String(body, "reason", "reason"), "reason", ReasonLength);
        return new KeyChangeRequest(QuestionParser.NewKey(question, body), reason);
    }
}
