using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Exams.Logic;

public sealed class PaperShufflerTests
{
    /// <summary>A paper of <paramref name="count"/> questions; every third is a true/false, the others single with four options.</summary>
    private static IReadOnlyList<PaperQuestion> Paper(int count, int options = 4) =>
        Enumerable.Range(1, count).Select(i => i % 3 == 0
                ? new PaperQuestion($"q{i}", QuestionKinds.TrueFalse, 1, $"stem {i}", [], new AnswerKey(Truth: true), null, null, 0)
                : new PaperQuestion($"q{i}", QuestionKinds.Single, 2, $"stem {i}",
                    Enumerable.Range(0, options).Select(o => new QuestionOption(((char)('a' + o)).ToString(), $"option {o}")).ToList(),
                    new AnswerKey(Choice: "a"), null, null, 0))
            .ToList();

    [Fact]
    public void The_same_exam_and_student_always_get_the_same_order()
    {
        var paper = Paper(20);
        var first = PaperShuffler.Draw("exam-1", "s-1", paper, true, true);
        for (var i = 0; i < 5; i++)
        {
            var again = PaperShuffler.Draw("exam-1", "s-1", paper, true, true);
            Assert.Equal(first.QuestionIds, again.QuestionIds);
            Assert.Equal(first.OptionIds.Keys, again.OptionIds.Keys);
            foreach (var (id, options) in first.OptionIds)
            {
                Assert.Equal(options, again.OptionIds[id]);
            }
        }
    }

    [Fact]
    public void Students_get_different_orders()
    {
        var paper = Paper(20);
        var orders = Enumerable.Range(0, 100)
            .Select(i => string.Join(",", PaperShuffler.Draw("exam-1", $"s-{i}", paper, true, false).QuestionIds))
            .ToList();
        Assert.Equal(100, orders.Distinct().Count());
    }

    [Fact]
    public void The_same_student_gets_different_orders_in_different_exams()
    {
        var paper = Paper(20);
        Assert.NotEqual(PaperShuffler.Draw("exam-1", "s-1", paper, true, true).QuestionIds,
            PaperShuffler.Draw("exam-2", "s-1", paper, true, true).QuestionIds);
    }

    [Fact]
    public void Every_question_lands_in_every_position_about_equally_often()
    {
        const int students = 4000;
        const int count = 20;
        var paper = Paper(count);
        var seen = new int[count, count];
        for (var s = 0; s < students; s++)
        {
            var order = PaperShuffler.Draw("exam-uniform", $"student-{s}", paper, true, false).QuestionIds;
            for (var position = 0; position < count; position++)
            {
                seen[int.Parse(order[position][1..]) - 1, position]++;
            }
        }
        const double expected = (double)students / count;
        for (var position = 0; position < count; position++)
        {
            // Chi-square with 19 degrees of freedom: 43.8 is its 0.1% tail.
            var chiSquare = Enumerable.Range(0, count).Sum(q => Math.Pow(seen[q, position] - expected, 2) / expected);
            Assert.True(chiSquare < 43.8, $"position {position} is skewed (chi-square {chiSquare:F1})");
        }
    }

    [Fact]
    public void Options_are_shuffled_about_uniformly_too()
    {
        var paper = Paper(1, options: 5);
        var first = new int[5];
        for (var s = 0; s < 5000; s++)
        {
            first[PaperShuffler.Draw("exam-options", $"s-{s}", paper, false, true).OptionIds["q1"][0][0] - 'a']++;
        }
        Assert.All(first, count => Assert.InRange(count, 900, 1100));
    }

    [Fact]
    public void Without_shuffling_the_paper_order_is_kept()
    {
        var paper = Paper(12);
        var order = PaperShuffler.Draw("exam-1", "s-1", paper, false, false);
        Assert.Equal(paper.Select(question => question.Id), order.QuestionIds);
        Assert.Empty(order.OptionIds);

        var student = PaperShuffler.StudentPaper(paper, order);
        Assert.Equal(paper.Select(question => question.Id), student.Select(question => question.Id));
        Assert.All(student.Zip(paper), pair => Assert.Equal(pair.Second.Options, pair.First.Options));
    }

    [Fact]
    public void Shuffling_only_options_keeps_the_question_order_and_leaves_non_choice_questions_alone()
    {
        var paper = SamplePaper.Questions();
        var order = PaperShuffler.Draw("exam-1", "s-1", paper, false, true);
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], order.QuestionIds);
        Assert.Equal(["q1", "q2"], order.OptionIds.Keys.Order());
        Assert.Equal(["a", "b", "c", "d"], order.OptionIds["q1"].Order());
    }

    [Fact]
    public void Shuffling_only_questions_leaves_options_in_paper_order()
    {
        var paper = Paper(20);
        var order = PaperShuffler.Draw("exam-1", "s-1", paper, true, false);
        Assert.NotEqual(paper.Select(question => question.Id), order.QuestionIds);
        Assert.Empty(order.OptionIds);
        Assert.All(PaperShuffler.StudentPaper(paper, order).Where(q => q.Kind == QuestionKinds.Single),
            question => Assert.Equal(["a", "b", "c", "d"], question.Options.Select(option => option.Id)));
    }

    [Fact]
    public void A_pinned_order_never_changes_so_a_new_generator_fails_here_first()
    {
        var order = PaperShuffler.Draw("exam-golden", "student-42", Paper(10), true, true);
        Assert.Equal(["q8", "q2", "q5", "q6", "q9", "q3", "q10", "q1", "q7", "q4"], order.QuestionIds);
        Assert.Equal(["a", "c", "d", "b"], order.OptionIds["q1"]);
        Assert.Equal(["b", "a", "d", "c"], order.OptionIds["q10"]);
    }

    [Fact]
    public void The_generator_is_splitmix64()
    {
        var random = new SplitMix64(1234567);
        Assert.Equal(
            [6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL],
            Enumerable.Range(0, 5).Select(_ => random.Next()));
    }

    [Fact]
    public void Random_papers_always_give_stable_permutations()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 1000; i++)
        {
            var paper = Paper(random.Next(1, 60), options: random.Next(ExamLimits.OptionsMin, ExamLimits.OptionsMax + 1));
            var examId = $"exam-{random.Next()}";
            var studentId = $"s-{random.Next()}";
            bool shuffleQuestions = random.Next(2) == 0, shuffleOptions = random.Next(2) == 0;
            var order = PaperShuffler.Draw(examId, studentId, paper, shuffleQuestions, shuffleOptions);

            Assert.Equal(paper.Select(question => question.Id).Order(), order.QuestionIds.Order());
            Assert.Equal(order.QuestionIds, PaperShuffler.Draw(examId, studentId, paper, shuffleQuestions, shuffleOptions).QuestionIds);
            var student = PaperShuffler.StudentPaper(paper, order);
            Assert.Equal(order.QuestionIds, student.Select(question => question.Id));
            foreach (var question in student)
            {
                var original = paper.Single(q => q.Id == question.Id);
                Assert.Equal((original.Kind, original.Points, original.Stem, original.Blanks),
                    (question.Kind, question.Points, question.Stem, question.Blanks));
                Assert.Equal(original.Options.OrderBy(option => option.Id), question.Options.OrderBy(option => option.Id));
                Assert.Equal(shuffleOptions && original.Kind == QuestionKinds.Single, order.OptionIds.ContainsKey(question.Id));
            }
        }
    }

    [Fact]
    public void The_student_paper_follows_the_order_and_carries_options_in_the_drawn_order()
    {
        var paper = SamplePaper.Questions();
        var order = new AttemptOrder(["q5", "q2", "q4", "q1", "q3"],
            new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["d", "c", "b", "a"], ["q2"] = ["b", "a", "d", "c"] });
        var student = PaperShuffler.StudentPaper(paper, order);

        Assert.Equal(["q5", "q2", "q4", "q1", "q3"], student.Select(question => question.Id));
        Assert.Equal(["d", "c", "b", "a"], student[3].Options.Select(option => option.Id));
        Assert.Equal("选项 d", student[3].Options[0].Text);
        Assert.Equal(["b", "a", "d", "c"], student[1].Options.Select(option => option.Id));
        Assert.Equal(2, student[2].Blanks);
        Assert.Empty(student[0].Options);
        Assert.Equal(10m, student[0].Points);
    }

    [Fact]
    public void The_student_paper_carries_no_key_or_reference_even_serialized()
    {
        var paper = SamplePaper.Questions();
        var student = PaperShuffler.StudentPaper(paper, PaperShuffler.Draw("exam-1", "s-1", paper, true, true));
        var json = Collab.Grains.Interfaces.Live.LiveJson.Serialize(student);

        Assert.DoesNotContain("\"answer\"", json);
        Assert.DoesNotContain("\"key\"", json);
        Assert.DoesNotContain("reference", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("存储程序", json);
        Assert.DoesNotContain("partialPoints", json);
        Assert.Contains("简述冯·诺依曼结构。", json);
    }

    [Fact]
    public void An_order_from_another_paper_is_a_bug_and_throws()
    {
        var paper = SamplePaper.Questions();
        var none = new Dictionary<string, IReadOnlyList<string>>();
        Assert.Throws<InvalidOperationException>(() => PaperShuffler.StudentPaper(paper, new AttemptOrder(["q1", "q2"], none)));
        Assert.Throws<InvalidOperationException>(() => PaperShuffler.StudentPaper(paper, new AttemptOrder(["q1", "q2", "q3", "q4", "q9"], none)));
        Assert.Throws<InvalidOperationException>(() => PaperShuffler.StudentPaper(paper, new AttemptOrder(["q1", "q1", "q3", "q4", "q5"], none)));
        Assert.Throws<InvalidOperationException>(() => PaperShuffler.StudentPaper(paper,
            new AttemptOrder(["q1", "q2", "q3", "q4", "q5"], new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["a", "b", "z", "d"] })));
        Assert.Throws<InvalidOperationException>(() => PaperShuffler.StudentPaper(paper,
            new AttemptOrder(["q1", "q2", "q3", "q4", "q5"], new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["a", "b", "c"] })));
    }
}
