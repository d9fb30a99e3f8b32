using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>Statistics over the students who submitted; absent and unfinished candidates would only skew them.</summary>
public static class ResultStatistics
{
    private const int Buckets = 10;

    public static ResultStats Compute(IReadOnlyList<StudentResult> students, IReadOnlyList<PaperQuestion> questions)
    {
        var submitted = students.Where(student => student.Status == AttemptStatuses.Submitted).ToList();
        var scores = submitted.Select(student => student.Score).Order().ToList();
        var correctRate = questions.ToDictionary(
            question => question.Id,
            question => submitted.Count == 0
                ? 0m
                : Round((decimal)submitted.Count(student => student.PerQuestion.TryGetValue(question.Id, out var points)
                    && points == question.Points) / submitted.Count, 4));
        return new ResultStats(Mean(scores), Median(scores), correctRate, Distribution(scores, Grader.MaxScore(questions)));
    }

    private static decimal Mean(List<decimal> scores) => scores.Count == 0 ? 0 : Round(scores.Sum() / scores.Count, 2);

    private static decimal Median(List<decimal> sorted) => sorted.Count switch
    {
        0 => 0,
        var count when count % 2 == 1 => Round(sorted[count / 2], 2),
        var count => Round((sorted[count / 2 - 1] + sorted[count / 2]) / 2, 2),
    };

    /// <summary>Bucket i holds scores in [i, i+1) tenths of the maximum; the last also holds the maximum itself.</summary>
    private static IReadOnlyList<int> Distribution(List<decimal> scores, decimal maxScore)
    {
        var buckets = new int[Buckets];
        foreach (var score in scores)
        {
            var bucket = maxScore <= 0 ? 0 : (int)Math.Floor(score * Buckets / maxScore);
            buckets[Math.Clamp(bucket, 0, Buckets - 1)]++;
        }
        return buckets;
    }

    private static decimal Round(decimal value, int places) => decimal.Round(value, places, MidpointRounding.AwayFromZero);
}
