using System.Text;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>Grades objective questions at submission (PROTOCOL §5). Short answers are left to teachers.</summary>
public static class Grader
{
    /// <summary>The points an answer earns: 0 for no answer, null for a short question (pending marking).</summary>
    public static decimal? Grade(PaperQuestion question, StudentAnswer? answer)
    {
        if (question.Kind == QuestionKinds.Short)
        {
            return null;
        }
        if (answer is null || question.Key is not { } key)
        {
            return 0;
        }
        return question.Kind switch
        {
            QuestionKinds.Single => answer.Choice is not null && answer.Choice == key.Choice ? question.Points : 0,
            QuestionKinds.TrueFalse => answer.Truth is not null && answer.Truth == key.Truth ? question.Points : 0,
            QuestionKinds.Multiple => Multiple(question, answer.Choices, key.Choices),
            QuestionKinds.Fill => Fill(question, answer.Blanks, key.Accepted),
            _ => 0,
        };
    }

    public static decimal MaxScore(IReadOnlyList<PaperQuestion> questions) => questions.Sum(question => question.Points);

    /// <summary>All and only the keyed options score; with partial credit, some keyed options and no wrong one.</summary>
    private static decimal Multiple(PaperQuestion question, IReadOnlyList<string>? choices, IReadOnlyList<string>? key)
    {
        if (choices is null || choices.Count == 0 || key is null)
        {
            return 0;
        }
        var chosen = choices.ToHashSet(StringComparer.Ordinal);
        var keyed = key.ToHashSet(StringComparer.Ordinal);
        if (chosen.SetEquals(keyed))
        {
            return question.Points;
        }
        return question.PartialPoints is { } partial && chosen.IsProperSubsetOf(keyed) ? partial : 0;
    }

    /// <summary>Points split evenly over the blanks; a blank counts when it matches one accepted answer.</summary>
    private static decimal Fill(PaperQuestion question, IReadOnlyList<string>? blanks, IReadOnlyList<IReadOnlyList<string>>? accepted)
    {
        if (blanks is null || accepted is null || accepted.Count == 0)
        {
            return 0;
        }
        var correct = accepted
            .Select((answers, index) => index < blanks.Count && answers.Select(Comparable).Contains(Comparable(blanks[index])))
            .Count(match => match);
        return decimal.Round(question.Points * correct / accepted.Count, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Trimmed and NFKC-normalised, so that a full-width "３" or "ａｂｃ" typed with a Chinese input method matches "3"
    /// or "abc"; case still counts.
    /// </summary>
    private static string Comparable(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 cannot be normalised; the parsers refuse it, and grading must not fail a submission anyway.
            return text.Trim();
        }
    }
}
