using Collab.Grains.Exams.Analysis;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Tests.Exams.Logic;

namespace Collab.Grains.Tests.Exams.Analysis;

public sealed class ItemAnalysisTests
{
    /// <summary>q1 single a–d (2), q2 multiple a–d (4), q3 truefalse (1), q4 fill (3), q5 short (10).</summary>
    private static readonly IReadOnlyList<PaperQuestion> Paper = SamplePaper.Questions();

    private static StudentResult Line(string id, string status, Dictionary<string, decimal> perQuestion) =>
        new(id, id, status, perQuestion.Values.Sum(), 20, 0, perQuestion);

    private static StudentResult Submitted(string id, Dictionary<string, decimal> perQuestion) => Line(id, AttemptStatuses.Submitted, perQuestion);

    private static AttemptResponses Chose(string id, Dictionary<string, string[]> choices) =>
        new(id, choices.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value));

    private static QuestionAnalysis Item(IReadOnlyList<QuestionAnalysis> items, string questionId) => items.Single(i => i.QuestionId == questionId);

    [Fact]
    public void Nothing_submitted_gives_no_difficulty_or_discrimination_and_zero_counts()
    {
        var items = ItemAnalysis.Compute(Paper, [Line("s-1", AttemptStatuses.Active, new() { ["q1"] = 2 })], []);

        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], items.Select(i => i.QuestionId));
        Assert.All(items, item => Assert.Equal((0, (decimal?)null, (decimal?)null), (item.Answered, item.Difficulty, item.Discrimination)));
        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0, ["d"] = 0 }, Item(items, "q1").OptionCounts);
        Assert.Equal(new Dictionary<string, int> { ["true"] = 0, ["false"] = 0 }, Item(items, "q3").OptionCounts);
        Assert.Null(Item(items, "q4").OptionCounts);
        Assert.Null(Item(items, "q5").OptionCounts);
        Assert.Equal((QuestionKinds.Multiple, 4m), (Item(items, "q2").Kind, Item(items, "q2").MaxPoints));
    }

    [Fact]
    public void Difficulty_is_the_mean_share_of_points_over_those_scored()
    {
        var items = ItemAnalysis.Compute(Paper,
        [
            Submitted("s-1", new() { ["q2"] = 4, ["q4"] = 1.5m }),
            Submitted("s-2", new() { ["q2"] = 2, ["q4"] = 0 }),
            Submitted("s-3", new() { ["q2"] = 0, ["q4"] = 3 }),
            Line("s-4", AttemptStatuses.Absent, new() { ["q2"] = 4 }),
        ], []);

        Assert.Equal(0.5m, Item(items, "q2").Difficulty);
        Assert.Equal(0.5m, Item(items, "q4").Difficulty);
        Assert.Null(Item(items, "q5").Difficulty);
    }

    [Fact]
    public void A_short_answer_still_being_marked_does_not_count_towards_its_difficulty()
    {
        var items = ItemAnalysis.Compute(Paper, [Submitted("s-1", new() { ["q5"] = 6 }), Submitted("s-2", new() { ["q1"] = 2 })], []);
        Assert.Equal(0.6m, Item(items, "q5").Difficulty);
    }

    [Fact]
    public void Discrimination_is_the_upper_27_percent_minus_the_lower_27_percent_by_total_score()
    {
        // Ten attempts: 27 % of 10 rounds to 3 in each band. q1 is right for the best three and wrong for the worst three.
        var students = Enumerable.Range(0, 10).Select(i => Submitted($"s-{i}", new()
        {
            ["q5"] = 9 - i,
            ["q1"] = i < 3 ? 2 : i >= 7 ? 0 : 2,
            ["q3"] = i >= 7 ? 1 : 0,
            ["q4"] = 1.5m,
        })).ToList();

        var items = ItemAnalysis.Compute(Paper, students, []);

        Assert.Equal(1m, Item(items, "q1").Discrimination);
        Assert.Equal(-1m, Item(items, "q3").Discrimination);
        Assert.Equal(0m, Item(items, "q4").Discrimination);
        Assert.Equal(0.7m, Item(items, "q5").Discrimination);
        Assert.Null(Item(items, "q2").Discrimination);
    }

    [Fact]
    public void Two_attempts_make_bands_of_one_and_one_attempt_has_no_discrimination()
    {
        var two = ItemAnalysis.Compute(Paper, [Submitted("s-1", new() { ["q1"] = 2, ["q5"] = 6 }), Submitted("s-2", new() { ["q1"] = 0, ["q5"] = 9 })], []);
        Assert.Equal(-1m, Item(two, "q1").Discrimination);

        var one = ItemAnalysis.Compute(Paper, [Submitted("s-1", new() { ["q1"] = 2 })], []);
        Assert.Null(Item(one, "q1").Discrimination);
        Assert.Equal(1m, Item(one, "q1").Difficulty);
    }

    [Fact]
    public void Ties_in_total_score_are_banded_by_student_id_so_the_figure_is_repeatable()
    {
        var students = new[]
        {
            Submitted("s-b", new() { ["q1"] = 0, ["q3"] = 1 }),
            Submitted("s-a", new() { ["q1"] = 1, ["q3"] = 0 }),
        };
        var forward = ItemAnalysis.Compute(Paper, students, []);
        var backward = ItemAnalysis.Compute(Paper, students.Reverse().ToList(), []);

        Assert.Equal(0.5m, Item(forward, "q1").Discrimination);
        Assert.Equal(forward, backward, new ItemEquality());
    }

    [Fact]
    public void Option_counts_and_answered_come_from_the_submitted_attempts_choices()
    {
        var students = new[]
        {
            Submitted("s-1", new() { ["q1"] = 2 }), Submitted("s-2", new() { ["q1"] = 0 }), Submitted("s-3", new() { ["q1"] = 0 }),
            Line("s-4", AttemptStatuses.Active, new()),
        };
        var responses = new[]
        {
            Chose("s-1", new() { ["q1"] = ["b"], ["q2"] = ["a", "c"], ["q3"] = ["true"], ["q4"] = [] }),
            Chose("s-2", new() { ["q1"] = ["c"], ["q2"] = ["a"], ["q3"] = ["false"], ["q5"] = [] }),
            Chose("s-3", new() { ["q2"] = ["d", "a"] }),
            Chose("s-4", new() { ["q1"] = ["b"] }),
        };

        var items = ItemAnalysis.Compute(Paper, students, responses);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 1, ["d"] = 0 }, Item(items, "q1").OptionCounts);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 0, ["c"] = 1, ["d"] = 1 }, Item(items, "q2").OptionCounts);
        Assert.Equal(new Dictionary<string, int> { ["true"] = 1, ["false"] = 1 }, Item(items, "q3").OptionCounts);
        Assert.Equal([2, 3, 2, 1, 1], items.Select(i => i.Answered));
    }

    [Fact]
    public void Seeded_random_attempts_keep_difficulty_in_0_1_discrimination_in_minus_1_1_and_counts_within_the_submitted()
    {
        var random = new Random(4127);
        string[] statuses = [AttemptStatuses.Submitted, AttemptStatuses.Submitted, AttemptStatuses.Submitted, AttemptStatuses.Absent, AttemptStatuses.Active];
        for (var round = 0; round < 1000; round++)
        {
            var students = new List<StudentResult>();
            var responses = new List<AttemptResponses>();
            var size = random.Next(0, 40);
            for (var i = 0; i < size; i++)
            {
                var perQuestion = new Dictionary<string, decimal>();
                var choices = new Dictionary<string, IReadOnlyList<string>>();
                foreach (var question in Paper)
                {
                    if (random.Next(6) > 0)
                    {
                        perQuestion[question.Id] = decimal.Round(question.Points * random.Next(0, 101) / 100m, 2);
                    }
                    if (random.Next(3) > 0)
                    {
                        choices[question.Id] = question.Kind switch
                        {
                            QuestionKinds.TrueFalse => [random.Next(2) == 0 ? "true" : "false"],
                            QuestionKinds.Single or QuestionKinds.Multiple => question.Options.Where(_ => random.Next(2) == 0).Select(o => o.Id).ToList(),
                            _ => [],
                        };
                    }
                }
                students.Add(Line($"s-{i}", statuses[random.Next(statuses.Length)], perQuestion));
                responses.Add(new AttemptResponses($"s-{i}", choices));
            }
            var submitted = students.Count(s => s.Status == AttemptStatuses.Submitted);

            var items = ItemAnalysis.Compute(Paper, students, responses);

            Assert.Equal(Paper.Select(q => q.Id), items.Select(i => i.QuestionId));
            foreach (var item in items)
            {
                Assert.InRange(item.Answered, 0, submitted);
                if (item.Difficulty is { } difficulty)
                {
                    Assert.InRange(difficulty, 0m, 1m);
                }
                if (item.Discrimination is { } discrimination)
                {
                    Assert.InRange(discrimination, -1m, 1m);
                }
                Assert.True(submitted >= 2 || item.Discrimination is null);
                foreach (var count in item.OptionCounts?.Values ?? [])
                {
                    Assert.InRange(count, 0, item.Answered);
                }
                if (item.Kind == QuestionKinds.TrueFalse)
                {
                    Assert.Equal(item.Answered, item.OptionCounts!.Values.Sum());
                }
            }
        }
    }

    private sealed class ItemEquality : IEqualityComparer<QuestionAnalysis>
    {
        public bool Equals(QuestionAnalysis? x, QuestionAnalysis? y) =>
            x!.QuestionId == y!.QuestionId && x.Answered == y.Answered && x.Difficulty == y.Difficulty && x.Discrimination == y.Discrimination;

        public int GetHashCode(QuestionAnalysis item) => item.QuestionId.GetHashCode();
    }
}
