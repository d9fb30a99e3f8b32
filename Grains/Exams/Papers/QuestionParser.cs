using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>One question of the paper as its author wrote it, checked field by field against its kind.</summary>
internal static class QuestionParser
{
    public static PaperQuestion Parse(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw CollabException.Invalid($"questions[{index}] must be an object");
        }
        var idText = JsonFields.String(item, "id", $"id of questions[{index}]")
            ?? throw CollabException.Invalid($"id of questions[{index}] is required");
        var id = ExamSpecParser.Id(idText, $"id of questions[{index}]", ExamSpecParser.QuestionIdLength);
        string Label(string field) => $"{field} of question {id}";

        var kind = JsonFields.String(item, "kind", Label("kind")) ?? throw CollabException.Invalid($"{Label("kind")} is required");
        if (!QuestionKinds.IsKnown(kind))
        {
            throw CollabException.Invalid($"{Label("kind")} must be one of single, multiple, truefalse, fill, short");
        }
        var points = JsonFields.Decimal(item, "points", Label("points"))
            ?? throw CollabException.Invalid($"{Label("points")} is required");
        Points(points, Label("points"));
        var stem = JsonFields.String(item, "stem", Label("stem"));
        if (string.IsNullOrWhiteSpace(stem))
        {
            throw CollabException.Invalid($"{Label("stem")} must not be empty");
        }
        if (stem.Length > ExamLimits.StemLength)
        {
            throw CollabException.TooLarge($"{Label("stem")} is longer than {ExamLimits.StemLength} characters");
        }
        var options = Options(item, kind, Label);
        var key = Key(item, kind, options, Label);
        var partialPoints = PartialPoints(item, kind, points, Label);
        var reference = Reference(item, kind, Label);
        var blanks = key?.Accepted?.Count ?? 0;
        return new PaperQuestion(id, kind, points, stem, options, key, partialPoints, reference, blanks);
    }

    /// <summary>
    /// A new key for a published question, read from <c>answer</c> of <paramref name="body"/> and checked as the paper's
    /// was. A fill key keeps its number of blanks: the candidates were shown that many.
    /// </summary>
    public static AnswerKey NewKey(PaperQuestion question, JsonElement body)
    {
        string Label(string field) => $"{field} of question {question.Id}";
        var key = Key(body, question.Kind, question.Options, Label)!;
        if (question.Kind == QuestionKinds.Fill && key.Accepted!.Count != question.Blanks)
        {
            throw CollabException.Invalid($"{Label("answer")} must keep the question's {question.Blanks} blanks");
        }
        return key;
    }

    private static void Points(decimal points, string label)
    {
        if (points <= 0 || points > ExamLimits.PointsMax)
        {
            throw CollabException.Invalid($"{label} must be greater than 0 and at most {ExamLimits.PointsMax}");
        }
        if (decimal.Round(points, 2) != points)
        {
            throw CollabException.Invalid($"{label} must have at most 2 decimal places");
        }
    }

    private static IReadOnlyList<QuestionOption> Options(JsonElement item, string kind, Func<string, string> label)
    {
        var array = JsonFields.Array(item, "options", label("options"));
        if (kind is not (QuestionKinds.Single or QuestionKinds.Multiple))
        {
            return array is { } given && given.GetArrayLength() > 0
                ? throw CollabException.Invalid($"{label("options")} are only for single and multiple questions, not {kind}")
                : [];
        }
        if (array is not { } options)
        {
            throw CollabException.Invalid($"{label("options")} are required for a {kind} question");
        }
        var count = options.GetArrayLength();
        if (count < ExamLimits.OptionsMin)
        {
            throw CollabException.Invalid($"{label("options")} must hold at least {ExamLimits.OptionsMin} options");
        }
        if (count > ExamLimits.OptionsMax)
        {
            throw CollabException.TooLarge($"{label("options")} must hold at most {ExamLimits.OptionsMax} options");
        }
        var parsed = new List<QuestionOption>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var option in options.EnumerateArray())
        {
            var at = $"options[{index++}]";
            if (option.ValueKind != JsonValueKind.Object)
            {
                throw CollabException.Invalid($"{label(at)} must be an object with id and text");
            }
            var optionId = ExamSpecParser.Id(
                JsonFields.String(option, "id", label($"{at}.id")) ?? throw CollabException.Invalid($"{label($"{at}.id")} is required"),
                label($"{at}.id"), ExamSpecParser.OptionIdLength);
            if (!seen.Add(optionId))
            {
                throw CollabException.Invalid($"{label("options")} use the id {optionId} more than once");
            }
            var text = JsonFields.String(option, "text", label($"{at}.text"));
            if (string.IsNullOrWhiteSpace(text))
            {
                throw CollabException.Invalid($"{label($"{at}.text")} must not be empty");
            }
            if (text.Length > ExamLimits.OptionTextLength)
            {
                throw CollabException.TooLarge($"{label($"{at}.text")} is longer than {ExamLimits.OptionTextLength} characters");
            }
            parsed.Add(new QuestionOption(optionId, text));
        }
        return parsed;
    }

    private static AnswerKey? Key(JsonElement item, string kind, IReadOnlyList<QuestionOption> options, Func<string, string> label)
    {
        var answer = JsonFields.Get(item, "answer");
        if (kind == QuestionKinds.Short)
        {
            return answer is null
                ? null
                : throw CollabException.Invalid($"{label("answer")} is not allowed: short questions are marked by teachers (use reference)");
        }
        if (answer is not { } key)
        {
            throw CollabException.Invalid($"{label("answer")} is required for a {kind} question");
        }
        return kind switch
        {
            QuestionKinds.Single => new AnswerKey(Choice: SingleKey(key, options, label("answer"))),
            QuestionKinds.Multiple => new AnswerKey(Choices: MultipleKey(key, options, label("answer"))),
            QuestionKinds.TrueFalse => new AnswerKey(Truth: key.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw CollabException.Invalid($"{label("answer")} must be true or false"),
            }),
            _ => new AnswerKey(Accepted: FillKey(key, label("answer"))),
        };
    }

    private static string SingleKey(JsonElement key, IReadOnlyList<QuestionOption> options, string label)
    {
        if (key.ValueKind != JsonValueKind.String)
        {
            throw CollabException.Invalid($"{label} must be the id of one option, e.g. \"{options[0].Id}\"");
        }
        var choice = JsonFields.Text(key, label);
        return options.Any(option => option.Id == choice)
            ? choice
            : throw CollabException.Invalid($"{label} \"{choice}\" is not one of its option ids ({OptionList(options)})");
    }

    private static IReadOnlyList<string> MultipleKey(JsonElement key, IReadOnlyList<QuestionOption> options, string label)
    {
        if (key.ValueKind != JsonValueKind.Array || key.GetArrayLength() == 0)
        {
            throw CollabException.Invalid($"{label} must be a non-empty array of option ids, e.g. [\"{options[0].Id}\"]");
        }
        var choices = new List<string>();
        foreach (var item in key.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw CollabException.Invalid($"{label} must hold option id strings only");
            }
            var choice = JsonFields.Text(item, label);
            if (options.All(option => option.Id != choice))
            {
                throw CollabException.Invalid($"{label} names \"{choice}\", which is not one of its option ids ({OptionList(options)})");
            }
            if (choices.Contains(choice))
            {
                throw CollabException.Invalid($"{label} names \"{choice}\" more than once");
            }
            choices.Add(choice);
        }
        return choices;
    }

    private static IReadOnlyList<IReadOnlyList<string>> FillKey(JsonElement key, string label)
    {
        if (key.ValueKind != JsonValueKind.Array || key.GetArrayLength() == 0)
        {
            throw CollabException.Invalid($"{label} must be an array with, per blank, an array of accepted answers, e.g. [[\"3\",\"三\"]]");
        }
        if (key.GetArrayLength() > ExamLimits.Blanks)
        {
            throw CollabException.TooLarge($"{label} has more than {ExamLimits.Blanks} blanks");
        }
        var blanks = new List<IReadOnlyList<string>>();
        foreach (var blank in key.EnumerateArray())
        {
            var at = $"{label} (blank {blanks.Count + 1})";
            if (blank.ValueKind != JsonValueKind.Array || blank.GetArrayLength() == 0)
            {
                throw CollabException.Invalid($"{at} must be a non-empty array of accepted answers");
            }
            if (blank.GetArrayLength() > ExamLimits.AcceptedPerBlank)
            {
                throw CollabException.TooLarge($"{at} has more than {ExamLimits.AcceptedPerBlank} accepted answers");
            }
            var accepted = new List<string>();
            foreach (var text in blank.EnumerateArray())
            {
                var value = text.ValueKind == JsonValueKind.String
                    ? JsonFields.Text(text, at).Trim()
                    : throw CollabException.Invalid($"{at} must hold strings only");
                if (value.Length == 0)
                {
                    throw CollabException.Invalid($"{at} holds an empty accepted answer");
                }
                if (value.Length > ExamLimits.BlankAnswerLength)
                {
                    throw CollabException.TooLarge($"{at} holds an accepted answer longer than {ExamLimits.BlankAnswerLength} characters");
                }
                accepted.Add(value);
            }
            blanks.Add(accepted);
        }
        return blanks;
    }

    private static decimal? PartialPoints(JsonElement item, string kind, decimal points, Func<string, string> label)
    {
        var partial = JsonFields.Decimal(item, "partialPoints", label("partialPoints"));
        if (partial is not { } value)
        {
            return null;
        }
        if (kind != QuestionKinds.Multiple)
        {
            throw CollabException.Invalid($"{label("partialPoints")} is only for multiple questions, not {kind}");
        }
        if (value <= 0 || value >= points)
        {
            throw CollabException.Invalid($"{label("partialPoints")} must be greater than 0 and less than its points ({points})");
        }
        return decimal.Round(value, 2) == value
            ? value
            : throw CollabException.Invalid($"{label("partialPoints")} must have at most 2 decimal places");
    }

    private static string? Reference(JsonElement item, string kind, Func<string, string> label)
    {
        var reference = JsonFields.String(item, "reference", label("reference"));
        if (reference is null)
        {
            return null;
        }
        if (kind != QuestionKinds.Short)
        {
            throw CollabException.Invalid($"{label("reference")} is only for short questions, not {kind}");
        }
        return reference.Length > ExamLimits.ReferenceLength
            ? throw CollabException.TooLarge($"{label("reference")} is longer than {ExamLimits.ReferenceLength} characters")
            : reference;
    }

    private static string OptionList(IReadOnlyList<QuestionOption> options) => string.Join(", ", options.Select(option => option.Id));
}
