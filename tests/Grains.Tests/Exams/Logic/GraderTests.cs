using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class GraderTests
{
    private static readonly QuestionOption[] FourOptions = [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")];

    private static PaperQuestion Single(decimal points = 2) =>
        new("q1", QuestionKinds.Single, points, "?", FourOptions, new AnswerKey(Choice: "b"), null, null, 0);

    private static PaperQuestion Multiple(decimal points = 4, decimal? partial = null, params string[] key) =>
        new("q2", QuestionKinds.Multiple, points, "?", FourOptions, new AnswerKey(Choices: key.Length == 0 ? ["a", "c"] : key), partial, null, 0);

    private static PaperQuestion TrueFalse(bool truth = true) =>
        new("q3", QuestionKinds.TrueFalse, 1, "?", [], new AnswerKey(Truth: truth), null, null, 0);

    private static PaperQuestion Fill(decimal points, params string[][] accepted) =>
        new("q4", QuestionKinds.Fill, points, "?", [], new AnswerKey(Accepted: accepted), null, null, accepted.Length);

    private static PaperQuestion Short() => new("q5", QuestionKinds.Short, 10, "?", [], null, null, "ref", 0);

    [Theory]
    [InlineData("b", 2)]
    [InlineData("a", 0)]
    [InlineData("c", 0)]
    [InlineData("B", 0)]
    public void A_single_answer_scores_only_when_it_is_the_key(string choice, decimal points) =>
        Assert.Equal(points, Grader.Grade(Single(), new StudentAnswer(Choice: choice)));

    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(false, false, 1)]
    [InlineData(true, false, 0)]
    [InlineData(false, true, 0)]
    public void A_truefalse_answer_scores_only_when_it_matches(bool truth, bool answer, decimal points) =>
        Assert.Equal(points, Grader.Grade(TrueFalse(truth), new StudentAnswer(Truth: answer)));

    [Theory]
    [InlineData("a,c", 4)]
    [InlineData("c,a", 4)]
    [InlineData("a", 0)]
    [InlineData("c", 0)]
    [InlineData("a,b", 0)]
    [InlineData("a,c,d", 0)]
    [InlineData("a,b,c,d", 0)]
    [InlineData("b", 0)]
    public void A_multiple_answer_without_partial_credit_scores_all_or_nothing(string choices, decimal points) =>
        Assert.Equal(points, Grader.Grade(Multiple(), new StudentAnswer(Choices: choices.Split(','))));

    [Theory]
    [InlineData("a,b,c", 6)]
    [InlineData("c,b,a", 6)]
    [InlineData("a", 2.5)]
    [InlineData("b,c", 2.5)]
    [InlineData("a,d", 0)]
    [InlineData("d", 0)]
    [InlineData("a,b,c,d", 0)]
    public void A_multiple_answer_with_partial_credit_scores_some_keyed_options_and_no_wrong_one(string choices, decimal points) =>
        Assert.Equal(points, Grader.Grade(Multiple(6, 2.5m, "a", "b", "c"), new StudentAnswer(Choices: choices.Split(','))));

    [Fact]
    public void An_empty_multiple_answer_scores_nothing_even_with_partial_credit() =>
        Assert.Equal(0, Grader.Grade(Multiple(6, 2.5m, "a", "b", "c"), new StudentAnswer(Choices: [])));

    [Theory]
    [InlineData("3|90", 3)]
    [InlineData("三|90°", 3)]
    [InlineData("  3 |\t90\n", 3)]
    [InlineData("３|９０", 3)]
    [InlineData("\u30003\u3000|90", 3)]
    [InlineData("3|91", 1.5)]
    [InlineData("4|90", 1.5)]
    [InlineData("|90", 1.5)]
    [InlineData("90|3", 0)]
    [InlineData("3 0|9 0", 0)]
    public void Fill_blanks_match_after_trimming_and_nfkc_each_earning_its_share(string blanks, decimal points) =>
        Assert.Equal(points, Grader.Grade(Fill(3, ["3", "三"], ["90", "90°"]), new StudentAnswer(Blanks: blanks.Split('|'))));

    [Theory]
    [InlineData("Python", 1)]
    [InlineData("python", 0)]
    [InlineData("PYTHON", 0)]
    [InlineData("Ｐｙｔｈｏｎ", 1)]
    public void Fill_matching_is_case_sensitive(string typed, decimal points) =>
        Assert.Equal(points, Grader.Grade(Fill(1, ["Python"]), new StudentAnswer(Blanks: [typed])));

    [Fact]
    public void Accepted_answers_are_normalised_the_same_way() =>
        Assert.Equal(1, Grader.Grade(Fill(1, ["ＣＰＵ"]), new StudentAnswer(Blanks: ["CPU"])));

    [Theory]
    [InlineData(10, 3, 1, 3.33)]
    [InlineData(10, 3, 2, 6.67)]
    [InlineData(10, 3, 3, 10)]
    [InlineData(1, 3, 2, 0.67)]
    [InlineData(0.05, 2, 1, 0.03)]
    [InlineData(0.01, 3, 1, 0)]
    [InlineData(0.01, 3, 2, 0.01)]
    [InlineData(7, 20, 13, 4.55)]
    public void Fill_points_are_split_and_rounded_to_two_places_half_away_from_zero(decimal points, int blanks, int correct, decimal expected)
    {
        var question = Fill(points, Enumerable.Range(0, blanks).Select(i => new[] { $"{i}" }).ToArray());
        var answer = new StudentAnswer(Blanks: Enumerable.Range(0, blanks).Select(i => i < correct ? $"{i}" : "wrong").ToList());
        Assert.Equal(expected, Grader.Grade(question, answer));
    }

    [Fact]
    public void A_fill_answer_with_too_few_blanks_scores_only_those_given() =>
        Assert.Equal(1.5m, Grader.Grade(Fill(3, ["3"], ["90"]), new StudentAnswer(Blanks: ["3"])));

    [Fact]
    public void A_blank_with_a_lone_surrogate_does_not_throw() =>
        Assert.Equal(0, Grader.Grade(Fill(1, ["3"]), new StudentAnswer(Blanks: ["\ud800"])));

    [Fact]
    public void Short_answers_await_marking_answered_or_not()
    {
        Assert.Null(Grader.Grade(Short(), new StudentAnswer(Text: "冯·诺依曼")));
        Assert.Null(Grader.Grade(Short(), new StudentAnswer()));
        Assert.Null(Grader.Grade(Short(), null));
    }

    [Fact]
    public void No_answer_or_a_cleared_one_scores_zero_for_every_objective_kind()
    {
        PaperQuestion[] questions = [Single(), Multiple(4, 2), TrueFalse(), Fill(3, ["3"], ["90"])];
        foreach (var question in questions)
        {
            Assert.Equal(0, Grader.Grade(question, null));
            Assert.Equal(0, Grader.Grade(question, new StudentAnswer()));
        }
    }

    [Fact]
    public void An_answer_in_another_kinds_field_scores_zero()
    {
        Assert.Equal(0, Grader.Grade(Single(), new StudentAnswer(Choices: ["b"])));
        Assert.Equal(0, Grader.Grade(TrueFalse(), new StudentAnswer(Choice: "true")));
        Assert.Equal(0, Grader.Grade(Multiple(), new StudentAnswer(Choice: "a")));
    }

    [Fact]
    public void The_maximum_is_the_sum_of_all_points_short_included()
    {
        Assert.Equal(20m, Grader.MaxScore(SamplePaper.Questions()));
        Assert.Equal(0m, Grader.MaxScore([]));
        Assert.Equal(2.75m, Grader.MaxScore([Single(1.25m), Single(1.5m)]));
    }

    [Fact]
    public void Every_key_scores_full_points_on_the_sample_paper()
    {
        var paper = SamplePaper.Questions();
        Assert.Equal(2, Grader.Grade(paper[0], new StudentAnswer(Choice: "b")));
        Assert.Equal(4, Grader.Grade(paper[1], new StudentAnswer(Choices: ["c", "a"])));
        Assert.Equal(2, Grader.Grade(paper[1], new StudentAnswer(Choices: ["c"])));
        Assert.Equal(1, Grader.Grade(paper[2], new StudentAnswer(Truth: true)));
        Assert.Equal(3, Grader.Grade(paper[3], new StudentAnswer(Blanks: ["三", "90"])));
    }

    [Fact]
    public void Random_answers_always_score_within_zero_and_the_points_on_the_cent()
    {
        var random = new Random(8128);
        string[] ids = ["a", "b", "c", "d", "e", "f"];
        string[] words = ["3", "三", "３", " 3", "90", "x", "", "Ａ", "A", "a"];
        decimal Points() => random.Next(1, 10001) / 100m;
        for (var i = 0; i < 5000; i++)
        {
            var options = ids.Take(random.Next(2, ids.Length + 1)).Select(id => new QuestionOption(id, id)).ToList();
            var optionIds = options.Select(option => option.Id).ToList();
            IReadOnlyList<string> Subset() => optionIds.Where(_ => random.Next(2) == 0).ToList();
            var points = Points();
            var blanks = random.Next(1, ExamLimits.Blanks + 1);
            PaperQuestion question = random.Next(4) switch
            {
                0 => new("q", QuestionKinds.Single, points, "?", options, new AnswerKey(Choice: optionIds[random.Next(optionIds.Count)]), null, null, 0),
                1 => new("q", QuestionKinds.Multiple, points, "?", options,
                    new AnswerKey(Choices: optionIds.Take(random.Next(1, optionIds.Count + 1)).ToList()),
                    points > 0.01m && random.Next(2) == 0 ? random.Next(1, (int)(points * 100)) / 100m : null, null, 0),
                2 => new("q", QuestionKinds.TrueFalse, points, "?", [], new AnswerKey(Truth: random.Next(2) == 0), null, null, 0),
                _ => new("q", QuestionKinds.Fill, points, "?", [],
                    new AnswerKey(Accepted: Enumerable.Range(0, blanks)
                        .Select(_ => (IReadOnlyList<string>)words.Where(w => w.Trim().Length > 0).Take(random.Next(1, 4)).ToList()).ToList()),
                    null, null, blanks),
            };
            var answer = random.Next(6) == 0 ? null : new StudentAnswer(
                Choice: optionIds[random.Next(optionIds.Count)],
                Choices: Subset(),
                Truth: random.Next(2) == 0,
                Blanks: Enumerable.Range(0, blanks).Select(_ => words[random.Next(words.Length)]).ToList());

            var score = Grader.Grade(question, answer)!.Value;
            Assert.InRange(score, 0, question.Points);
            Assert.Equal(score, decimal.Round(score, 2));
            if (answer is null)
            {
                Assert.Equal(0, score);
            }
        }
    }

    [Fact]
    public void Random_fill_answers_score_in_proportion_to_the_blanks_right()
    {
        var random = new Random(271828);
        for (var i = 0; i < 2000; i++)
        {
            var blanks = random.Next(1, ExamLimits.Blanks + 1);
            var points = random.Next(1, 10001) / 100m;
            var question = Fill(points, Enumerable.Range(0, blanks).Select(b => new[] { $"answer {b}" }).ToArray());
            var right = Enumerable.Range(0, blanks).Select(_ => random.Next(2) == 0).ToList();
            var answer = new StudentAnswer(Blanks: right.Select((ok, b) => ok ? $" answer {b} " : $"answer {b + 1}x").ToList());
            var expected = decimal.Round(points * right.Count(ok => ok) / blanks, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, Grader.Grade(question, answer));
        }
    }
}
