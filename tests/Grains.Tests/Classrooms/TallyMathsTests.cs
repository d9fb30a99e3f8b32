using Collab.Grains.Classrooms;
using Collab.Grains.Exams;
using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Tests.Classrooms;

/// <summary>The tally per class, case by case, and over many generated answers with fixed seeds.</summary>
public sealed class TallyMathsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static PaperQuestion Q(string json) => ClassroomQuestions.Parse(json);

    private static RecordedAnswer A(PaperQuestion question, string answerJson, string classId = "c")
    {
        var answer = ClassroomQuestions.ParseAnswer(question, answerJson);
        return new RecordedAnswer(classId, answer, ClassroomQuestions.IsCorrect(question, answer), At);
    }

    private static Dictionary<string, int> Counts(params (string Key, int Count)[] counts) => counts.ToDictionary(c => c.Key, c => c.Count);

    [Theory]
    [InlineData(ClassroomSample.SingleChoice, "\"b\"", true)]
    [InlineData(ClassroomSample.SingleChoice, "\"a\"", false)]
    [InlineData(ClassroomSample.MultipleChoice, "[\"c\",\"a\"]", true)]
    [InlineData(ClassroomSample.MultipleChoice, "[\"a\"]", false)]
    [InlineData(ClassroomSample.MultipleChoice, "[\"a\",\"b\",\"c\"]", false)]
    [InlineData(ClassroomSample.TrueOrFalse, "false", true)]
    [InlineData(ClassroomSample.TrueOrFalse, "true", false)]
    [InlineData(ClassroomSample.FillIn, "[\"三\"]", true)]
    [InlineData(ClassroomSample.FillIn, "[\" 3 \"]", true)]
    [InlineData(ClassroomSample.FillIn, "[\"3.0\"]", false)]
    public void Answers_are_graded_by_the_exam_grader_full_marks_only(string question, string answer, bool correct)
    {
        Assert.Equal(correct, A(Q(question), answer).Correct);
    }

    [Fact]
    public void A_question_without_points_counts_one_and_a_key_is_required()
    {
        Assert.Equal(1, Q(ClassroomSample.SingleChoice).Points);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(() => Q(ClassroomSample.WithoutKey)).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(() => Q(ClassroomSample.Short)).Code);
    }

    [Fact]
    public void Devices_count_by_option_truth_or_correctness()
    {
        var single = Q(ClassroomSample.SingleChoice);
        var tally = TallyMaths.ForClass(single, "c", [A(single, "\"a\""), A(single, "\"b\""), A(single, "\"b\"")], null);
        Assert.Equal(("c", 3, 2, false), (tally.ClassId, tally.Answered, tally.Correct, tally.FromCount));
        Assert.Equal(Counts(("a", 1), ("b", 2)), tally.Counts);

        var multiple = Q(ClassroomSample.MultipleChoice);
        var many = TallyMaths.ForClass(multiple, "c", [A(multiple, "[\"a\",\"c\"]"), A(multiple, "[\"a\"]")], null);
        Assert.Equal(Counts(("a", 2), ("c", 1)), many.Counts);
        Assert.Equal((2, 1), (many.Answered, many.Correct));

        var truth = Q(ClassroomSample.TrueOrFalse);
        Assert.Equal(Counts(("false", 1), ("true", 2)), TallyMaths.ForClass(truth, "c", [A(truth, "true"), A(truth, "true"), A(truth, "false")], null).Counts);

        var fill = Q(ClassroomSample.FillIn);
        Assert.Equal(Counts(("correct", 1), ("wrong", 1)), TallyMaths.ForClass(fill, "c", [A(fill, "[\"3\"]"), A(fill, "[\"9\"]")], null).Counts);

        var none = TallyMaths.ForClass(single, "c", [], null);
        Assert.Equal((0, 0, 0.0), (none.Answered, none.Correct, TallyMaths.CorrectRate(none)));
    }

    [Fact]
    public void A_teachers_count_replaces_the_devices_of_that_class()
    {
        var single = Q(ClassroomSample.SingleChoice);
        var counted = TallyMaths.ForClass(single, "c", [A(single, "\"a\"")], Counts(("b", 12), ("c", 3)));
        Assert.Equal((15, 12, true), (counted.Answered, counted.Correct, counted.FromCount));
        Assert.Equal(0.8, TallyMaths.CorrectRate(counted));

        var truth = Q(ClassroomSample.TrueOrFalse);
        Assert.Equal((10, 7), Pair(TallyMaths.FromCount(truth, "c", Counts(("true", 3), ("false", 7)))));
        var multiple = Q(ClassroomSample.MultipleChoice);
        Assert.Equal((9, 4), Pair(TallyMaths.FromCount(multiple, "c", Counts(("correct", 4), ("wrong", 5)))));
        var fill = Q(ClassroomSample.FillIn);
        Assert.Equal((2, 2), Pair(TallyMaths.FromCount(fill, "c", Counts(("correct", 2)))));
    }

    [Theory]
    [InlineData(ClassroomSample.SingleChoice, "b", 1, true)]
    [InlineData(ClassroomSample.SingleChoice, "d", 1, false)]
    [InlineData(ClassroomSample.SingleChoice, "correct", 1, false)]
    [InlineData(ClassroomSample.TrueOrFalse, "true", 1, true)]
    [InlineData(ClassroomSample.TrueOrFalse, "yes", 1, false)]
    [InlineData(ClassroomSample.MultipleChoice, "a", 1, false)]
    [InlineData(ClassroomSample.MultipleChoice, "correct", 1, true)]
    [InlineData(ClassroomSample.FillIn, "wrong", 0, true)]
    [InlineData(ClassroomSample.FillIn, "wrong", -1, false)]
    [InlineData(ClassroomSample.FillIn, "wrong", 501, false)]
    [InlineData(ClassroomSample.FillIn, "wrong", 500, true)]
    public void Counts_use_the_keys_of_their_kind_and_bounded_values(string question, string key, int value, bool valid)
    {
        var check = () => TallyMaths.CheckCount(Q(question), Counts((key, value)));
        if (valid)
        {
            check();
        }
        else
        {
            Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(check).Code);
        }
    }

    [Fact]
    public void Counts_together_stay_within_a_class()
    {
        var single = Q(ClassroomSample.SingleChoice);
        TallyMaths.CheckCount(single, Counts(("a", 250), ("b", 250)));
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(() => TallyMaths.CheckCount(single, Counts(("a", 250), ("b", 251)))).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<CollabException>(() => TallyMaths.CheckCount(single, null)).Code);
    }

    public static TheoryData<int> Seeds => new() { 1, 7, 42, 2026, 31337 };

    /// <summary>
    /// Over random classes answering random questions: per class answered is the students who answered, correct those
    /// the grader gives full marks, the counts add up as their kind says, and the total is the sum of the classes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_answers_tally_consistently(int seed)
    {
        var random = new Random(seed);
        var questions = new[] { ClassroomSample.SingleChoice, ClassroomSample.MultipleChoice, ClassroomSample.TrueOrFalse, ClassroomSample.FillIn }.Select(Q).ToList();
        for (var round = 0; round < 100; round++)
        {
            var question = questions[random.Next(questions.Count)];
            var classes = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"c{i}").ToList();
            var answers = Enumerable.Range(0, random.Next(0, 80)).Select(_ => A(question, RandomAnswer(random, question), classes[random.Next(classes.Count)])).ToList();
            var perClass = classes.Select(classId => TallyMaths.ForClass(question, classId, answers.Where(a => a.ClassId == classId), null)).ToList();
            foreach (var tally in perClass)
            {
                var mine = answers.Where(a => a.ClassId == tally.ClassId).ToList();
                Assert.Equal(mine.Count, tally.Answered);
                Assert.Equal(mine.Count(a => Grader.Grade(question, a.Answer) == question.Points), tally.Correct);
                Assert.InRange(tally.Correct, 0, tally.Answered);
                var counted = tally.Counts.Values.Sum();
                if (question.Kind == QuestionKinds.Multiple)
                {
                    Assert.Equal(mine.Sum(a => a.Answer.Choices!.Count), counted);
                }
                else
                {
                    Assert.Equal(tally.Answered, counted);
                }
                Assert.Equal(tally.Answered, TallyMaths.FromCount(question, tally.ClassId, CountOf(question, tally)).Answered);
                Assert.Equal(tally.Correct, TallyMaths.FromCount(question, tally.ClassId, CountOf(question, tally)).Correct);
            }
            Assert.Equal(new TallyTotal(answers.Count, answers.Count(a => a.Correct)), TallyMaths.Total(perClass));
        }
    }

    /// <summary>What a teacher would count by hand for the same class: devices' counts where a hand can show them, else right and wrong.</summary>
    private static Dictionary<string, int> CountOf(PaperQuestion question, ClassTally tally) =>
        question.Kind is QuestionKinds.Single or QuestionKinds.TrueFalse or QuestionKinds.Fill
            ? tally.Counts.ToDictionary()
            : Counts(("correct", tally.Correct), ("wrong", tally.Answered - tally.Correct));

    private static string RandomAnswer(Random random, PaperQuestion question) => question.Kind switch
    {
        QuestionKinds.Single => $"\"{question.Options[random.Next(question.Options.Count)].Id}\"",
        QuestionKinds.Multiple => "[" + string.Join(",", question.Options.Where(_ => random.Next(2) == 0).DefaultIfEmpty(question.Options[0]).Select(o => $"\"{o.Id}\"")) + "]",
        QuestionKinds.TrueFalse => random.Next(2) == 0 ? "true" : "false",
        _ => $"[\"{new[] { "3", "三", "4", "３" }[random.Next(4)]}\"]",
    };

    private static (int, int) Pair(ClassTally tally) => (tally.Answered, tally.Correct);
}
