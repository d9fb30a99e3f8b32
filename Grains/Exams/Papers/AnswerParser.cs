using System.Text.Json;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// Checks a student's <c>answer</c> JSON against the shape its question's kind takes (PROTOCOL §5). Clearing an answer
/// (JSON null, no option chosen, every blank empty, an empty text) gives the all-null <see cref="StudentAnswer"/>.
/// </summary>
public static class AnswerParser
{
    public static StudentAnswer Parse(PaperQuestion question, string answerJson)
    {
        var label = $"answer to {question.Id}";
        using var document = JsonFields.Parse(answerJson, label);
        var answer = document.RootElement;
        if (answer.ValueKind == JsonValueKind.Null)
        {
            return new StudentAnswer();
        }
        return question.Kind switch
        {
            QuestionKinds.Single => Single(question, answer, label),
            QuestionKinds.Multiple => Multiple(question, answer, label),
            QuestionKinds.TrueFalse => answer.ValueKind switch
            {
                JsonValueKind.True => new StudentAnswer(Truth: true),
                JsonValueKind.False => new StudentAnswer(Truth: false),
                _ => throw CollabException.Invalid($"{label} must be true or false"),
            },
            QuestionKinds.Fill => Fill(question, answer, label),
            QuestionKinds.Short => Short(answer, label),
            _ => throw CollabException.Invalid($"question {question.Id} has an unknown kind {question.Kind}"),
        };
    }

    private static StudentAnswer Single(PaperQuestion question, JsonElement answer, string label)
    {
        var choice = answer.ValueKind == JsonValueKind.String ? JsonFields.Text(answer, label) : null;
        return choice is not null && question.Options.Any(option => option.Id == choice)
            ? new StudentAnswer(Choice: choice)
            : throw CollabException.Invalid($"{label} must be one of its option ids ({OptionList(question)}) or null");
    }

    private static StudentAnswer Multiple(PaperQuestion question, JsonElement answer, string label)
    {
        var must = $"{label} must be an array of distinct option ids from {OptionList(question)}";
        if (answer.ValueKind != JsonValueKind.Array)
        {
            throw CollabException.Invalid(must);
        }
        var choices = new List<string>();
        foreach (var item in answer.EnumerateArray())
        {
            var choice = item.ValueKind == JsonValueKind.String ? JsonFields.Text(item, label) : null;
            if (choice is null || question.Options.All(option => option.Id != choice) || choices.Contains(choice))
            {
                throw CollabException.Invalid(must);
            }
            choices.Add(choice);
        }
        return choices.Count == 0 ? new StudentAnswer() : new StudentAnswer(Choices: choices);
    }

    private static StudentAnswer Fill(PaperQuestion question, JsonElement answer, string label)
    {
        var must = $"{label} must be an array of {question.Blanks} string{(question.Blanks == 1 ? "" : "s")}, one per blank";
        if (answer.ValueKind != JsonValueKind.Array || answer.GetArrayLength() != question.Blanks)
        {
            throw CollabException.Invalid(must);
        }
        var blanks = new List<string>(question.Blanks);
        foreach (var item in answer.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? JsonFields.Text(item, label) : throw CollabException.Invalid(must);
            if (text.Length > ExamLimits.BlankAnswerLength)
            {
                throw CollabException.TooLarge($"{label} has a blank longer than {ExamLimits.BlankAnswerLength} characters");
            }
            blanks.Add(text);
        }
        return blanks.All(string.IsNullOrWhiteSpace) ? new StudentAnswer() : new StudentAnswer(Blanks: blanks);
    }

    private static StudentAnswer Short(JsonElement answer, string label)
    {
        var text = answer.ValueKind == JsonValueKind.String
            ? JsonFields.Text(answer, label)
            : throw CollabException.Invalid($"{label} must be a string");
        if (text.Length > ExamLimits.ShortAnswerLength)
        {
            throw CollabException.TooLarge($"{label} is longer than {ExamLimits.ShortAnswerLength} characters");
        }
        return string.IsNullOrWhiteSpace(text) ? new StudentAnswer() : new StudentAnswer(Text: text);
    }

    private static string OptionList(PaperQuestion question) => string.Join(", ", question.Options.Select(option => option.Id));
}
