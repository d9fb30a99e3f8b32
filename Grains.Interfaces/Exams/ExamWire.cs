namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// Answers and questions in the JSON shapes of PROTOCOL §5, as plain strings, booleans, lists and ordered maps so that
/// any <c>JsonSerializer</c> settings write the same JSON (no naming policy is involved).
/// </summary>
public static class ExamWire
{
    /// <summary>A student's answer as the client sent it: <c>"b"</c>, <c>["a","c"]</c>, <c>true</c>, <c>["3","90"]</c>, <c>"text"</c>; null when cleared.</summary>
    public static object? Answer(string kind, StudentAnswer answer) => kind switch
    {
        QuestionKinds.Single => answer.Choice,
        QuestionKinds.Multiple => answer.Choices?.ToList(),
        QuestionKinds.TrueFalse => answer.Truth,
        QuestionKinds.Fill => answer.Blanks?.ToList(),
        QuestionKinds.Short => answer.Text,
        _ => null,
    };

    /// <summary>
    /// The author's view of a question, key and reference included, in the shape <c>POST /api/exams</c> takes, so a
    /// paper read back can be sent again unchanged. Never for students: they get <see cref="StudentQuestion"/>.
    /// </summary>
    public static object Question(PaperQuestion question)
    {
        var wire = new OrderedDictionary<string, object?>
        {
            ["id"] = question.Id,
            ["kind"] = question.Kind,
            ["points"] = question.Points,
            ["stem"] = question.Stem,
        };
        if (question.Kind is QuestionKinds.Single or QuestionKinds.Multiple)
        {
            wire["options"] = question.Options
                .Select(option => new OrderedDictionary<string, object?> { ["id"] = option.Id, ["text"] = option.Text })
                .ToList();
        }
        if (Key(question) is { } answer)
        {
            wire["answer"] = answer;
        }
        if (question.PartialPoints is { } partial)
        {
            wire["partialPoints"] = partial;
        }
        if (question.Reference is { } reference)
        {
            wire["reference"] = reference;
        }
        if (question.Kind == QuestionKinds.Fill)
        {
            wire["blanks"] = question.Blanks;
        }
        return wire;
    }

    /// <summary>A question's key in the shape its <c>answer</c> takes; null for a short question.</summary>
    public static object? Key(PaperQuestion question) => question.Kind switch
    {
        QuestionKinds.Single => question.Key?.Choice,
        QuestionKinds.Multiple => question.Key?.Choices?.ToList(),
        QuestionKinds.TrueFalse => question.Key?.Truth,
        QuestionKinds.Fill => question.Key?.Accepted?.Select(accepted => accepted.ToList()).ToList(),
        _ => null,
    };
}
