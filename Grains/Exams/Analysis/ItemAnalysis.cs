using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;

namespace Collab.Grains.Exams.Analysis;

/// <summary>
/// Classical item analysis over the submitted attempts (PROTOCOL §7). Difficulty is the mean share of a question's
/// points scored by those with a score for it (a short answer still being marked has none). Discrimination ranks the
/// submitted attempts by total score (ties by student id, so it is repeatable) and takes the upper and lower 27 %
/// (at least one each, from two attempts on): the upper group's mean share minus the lower group's.
/// </summary>
public static class ItemAnalysis
{
    private const decimal BandShare = 0.27m;

    public static IReadOnlyList<QuestionAnalysis> Compute(
        IReadOnlyList<PaperQuestion> questions, IReadOnlyList<StudentResult> students, IReadOnlyList<AttemptResponses> responses)
    {
        var ranked = students
            .Where(student => student.Status == AttemptStatuses.Submitted)
            .OrderByDescending(student => student.Score)
            .ThenBy(student => student.StudentId, StringComparer.Ordinal)
            .ToList();
        var choices = responses
            .GroupBy(response => response.StudentId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Choices, StringComparer.Ordinal);
        var band = ranked.Count < 2 ? 0 : Math.Max(1, (int)decimal.Round(ranked.Count * BandShare, MidpointRounding.AwayFromZero));
        var upper = ranked.Take(band).ToList();
        var lower = ranked.Skip(ranked.Count - band).ToList();
        var answers = ranked.Select(student => choices.GetValueOrDefault(student.StudentId)).ToList();
        return questions.Select(question => new QuestionAnalysis(
            question.Id,
            question.Kind,
            question.Points,
            answers.Count(given => given?.ContainsKey(question.Id) == true),
            Round(MeanShare(ranked, question)),
            band == 0 || MeanShare(upper, question) is not { } high || MeanShare(lower, question) is not { } low ? null : Round(high - low),
            OptionCounts(question, answers))).ToList();
    }

    private static decimal? MeanShare(List<StudentResult> group, PaperQuestion question)
    {
        var shares = group
            .Where(student => student.PerQuestion.ContainsKey(question.Id))
            .Select(student => student.PerQuestion[question.Id] / question.Points)
            .ToList();
        return shares.Count == 0 ? null : shares.Sum() / shares.Count;
    }

    /// <summary>Every option of a choice question (unchosen ones as 0), or true and false; none for fill and short.</summary>
    private static IReadOnlyDictionary<string, int>? OptionCounts(PaperQuestion question, List<IReadOnlyDictionary<string, IReadOnlyList<string>>?> answers)
    {
        IEnumerable<string>? options = question.Kind switch
        {
            QuestionKinds.Single or QuestionKinds.Multiple => question.Options.Select(option => option.Id),
            QuestionKinds.TrueFalse => ["true", "false"],
            _ => null,
        };
        return options?.ToDictionary(
            option => option,
            option => answers.Count(given => given?.GetValueOrDefault(question.Id)?.Contains(option) == true),
            StringComparer.Ordinal);
    }

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
