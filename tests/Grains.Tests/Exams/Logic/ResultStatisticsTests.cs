using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class ResultStatisticsTests
{
    /// <summary>q1..q5 of the sample paper: 2, 4, 1, 3 and 10 points, 20 in all.</summary>
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private static StudentResult Student(string id, string status, decimal score, Dictionary<string, decimal>? perQuestion = null) =>
        new(id, $"学生 {id}", status, score, 20, 0, perQuestion ?? []);

    private static StudentResult Submitted(string id, decimal score, Dictionary<string, decimal>? perQuestion = null) =>
        Student(id, AttemptStatuses.Submitted, score, perQuestion);

    [Fact]
    public void Nobody_submitted_gives_zeros_everywhere()
    {
        var stats = ResultStatistics.Compute([Student("s-1", AttemptStatuses.Absent, 0), Student("s-2", AttemptStatuses.Active, 12)], Paper);
        Assert.Equal(0, stats.Mean);
        Assert.Equal(0, stats.Median);
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], stats.PerQuestionCorrectRate.Keys.Order());
        Assert.All(stats.PerQuestionCorrectRate.Values, rate => Assert.Equal(0, rate));
        Assert.Equal(new int[10], stats.Distribution);
    }

    [Fact]
    public void Mean_and_median_count_only_submitted_students()
    {
        var stats = ResultStatistics.Compute(
        [
            Submitted("s-1", 10), Submitted("s-2", 15), Submitted("s-3", 20),
            Student("s-4", AttemptStatuses.Absent, 0), Student("s-5", AttemptStatuses.Paused, 1), Student("s-6", AttemptStatuses.Active, 2),
        ], Paper);
        Assert.Equal(15, stats.Mean);
        Assert.Equal(15, stats.Median);
        Assert.Equal(3, stats.Distribution.Sum());
    }

    [Theory]
    [InlineData(new[] { 7.0 }, 7, 7)]
    [InlineData(new[] { 1.0, 2.0 }, 1.5, 1.5)]
    [InlineData(new[] { 20.0, 1.0, 2.0 }, 7.67, 2)]
    [InlineData(new[] { 3.0, 1.0, 4.0, 1.5 }, 2.38, 2.25)]
    [InlineData(new[] { 1.01, 1.02 }, 1.02, 1.02)]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, 0, 0)]
    public void Mean_and_median_are_rounded_to_two_places(double[] scores, decimal mean, decimal median)
    {
        var stats = ResultStatistics.Compute(scores.Select((score, i) => Submitted($"s-{i}", (decimal)score)).ToList(), Paper);
        Assert.Equal(mean, stats.Mean);
        Assert.Equal(median, stats.Median);
    }

    [Fact]
    public void A_question_counts_as_correct_only_at_full_points_short_answers_once_marked_full()
    {
        var stats = ResultStatistics.Compute(
        [
            Submitted("s-1", 20, new() { ["q1"] = 2, ["q2"] = 4, ["q3"] = 1, ["q4"] = 3, ["q5"] = 10 }),
            Submitted("s-2", 8.5m, new() { ["q1"] = 2, ["q2"] = 2, ["q3"] = 0, ["q4"] = 1.5m, ["q5"] = 3 }),
            Submitted("s-3", 3, new() { ["q1"] = 0, ["q2"] = 0, ["q3"] = 1, ["q4"] = 2 }),
            Student("s-4", AttemptStatuses.Active, 10, new() { ["q5"] = 10 }),
        ], Paper);
        Assert.Equal(0.6667m, stats.PerQuestionCorrectRate["q1"]);
        Assert.Equal(0.3333m, stats.PerQuestionCorrectRate["q2"]);
        Assert.Equal(0.6667m, stats.PerQuestionCorrectRate["q3"]);
        Assert.Equal(0.3333m, stats.PerQuestionCorrectRate["q4"]);
        Assert.Equal(0.3333m, stats.PerQuestionCorrectRate["q5"]);
    }

    [Fact]
    public void Scores_fall_in_tenths_of_the_maximum_with_the_maximum_in_the_last_bucket()
    {
        decimal[] scores = [0, 1.99m, 2, 3.5m, 9.99m, 10, 17.99m, 18, 19.99m, 20, 20];
        var stats = ResultStatistics.Compute(scores.Select((score, i) => Submitted($"s-{i}", score)).ToList(), Paper);
        Assert.Equal([2, 2, 0, 0, 1, 1, 0, 0, 1, 4], stats.Distribution);
    }

    [Fact]
    public void Random_results_keep_every_statistic_within_its_bounds()
    {
        var random = new Random(5150);
        for (var i = 0; i < 1000; i++)
        {
            var students = Enumerable.Range(0, random.Next(0, 60)).Select(s =>
            {
                var perQuestion = Paper.Where(_ => random.Next(4) > 0)
                    .ToDictionary(question => question.Id, question => random.Next(2) == 0 ? question.Points : random.Next(0, (int)(question.Points * 100)) / 100m);
                var status = random.Next(5) == 0 ? AttemptStatuses.Absent : AttemptStatuses.Submitted;
                return Student($"s-{s}", status, perQuestion.Values.Sum(), perQuestion);
            }).ToList();
            var submitted = students.Where(student => student.Status == AttemptStatuses.Submitted).ToList();
            var stats = ResultStatistics.Compute(students, Paper);

            Assert.Equal(10, stats.Distribution.Count);
            Assert.Equal(submitted.Count, stats.Distribution.Sum());
            Assert.All(stats.PerQuestionCorrectRate.Values, rate => Assert.InRange(rate, 0, 1));
            if (submitted.Count > 0)
            {
                Assert.InRange(stats.Mean, submitted.Min(student => student.Score), submitted.Max(student => student.Score));
                Assert.InRange(stats.Median, submitted.Min(student => student.Score), submitted.Max(student => student.Score));
            }
        }
    }
}
