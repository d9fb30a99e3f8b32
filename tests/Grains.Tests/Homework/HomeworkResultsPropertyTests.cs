using Collab.Grains.Homework;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Homework;
using Collab.Grains.Tests.Exams.Logic;

namespace Collab.Grains.Tests.Homework;

/// <summary>
/// The per-class results of a homework (<see cref="HomeworkScoring"/>) against a plain recomputation, over many random
/// sets of classes, students, submissions and marks from fixed seeds: a failing seed names a case that can be replayed.
/// </summary>
public sealed class HomeworkResultsPropertyTests
{
    /// <summary>A single choice keyed b (2 points), a true-or-false keyed true (1) and a short answer (10), from the exam sample.</summary>
    private static readonly IReadOnlyList<PaperQuestion> Questions =
        SamplePaper.Questions().Where(question => question.Id is "q1" or "q3" or "q5").ToList();

    private sealed record Student(string Id, string ClassId, HomeworkSubmission? Submission);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 300))
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_class_counts_its_students_and_summarises_the_scores_of_those_who_submitted(int seed)
    {
        var random = new Random(seed);
        var classes = Enumerable.Range(0, random.Next(1, 6))
            .Select(i => new HomeworkClass($"c-{i}", $"初二({i + 1})班", $"33{i:00}", $"学校{i}", [$"t-{i}"], 0))
            .ToList();
        var students = classes
            .SelectMany(found => Enumerable.Range(0, random.Next(0, 9)).Select(n => new Student($"s-{found.ClassId}-{n}", found.ClassId, RandomSubmission(random, found.ClassId))))
            .OrderBy(_ => random.Next())
            .ToList();

        var lines = students.Select(student => HomeworkScoring.Line(Questions, student.Id, student.Id, student.ClassId, student.Submission)).ToList();
        var groups = HomeworkScoring.PerClass(classes, lines);

        Assert.Equal(classes.Select(found => (found.ClassId, found.Name)), groups.Select(group => (group.Key, group.Name)));
        foreach (var (found, group) in classes.Zip(groups))
        {
            Assert.Equal(Expected(found, students), group);
        }
        foreach (var (student, line) in students.Zip(lines))
        {
            Assert.Equal(student.Submission is null ? 0 : Score(student.Submission), line.Score);
            Assert.Equal(student.Submission is { } s && s.Answers.ContainsKey("q5") && !s.Marks.ContainsKey("q5") ? 1 : 0, line.PendingMarking);
        }
    }

    /// <summary>None (absent), or any mix of blank, right and wrong answers, the short one marked or not yet.</summary>
    private static HomeworkSubmission? RandomSubmission(Random random, string classId)
    {
        if (random.Next(4) == 0)
        {
            return null;
        }
        var submission = new HomeworkSubmission { ClassId = classId, SubmittedAt = DateTimeOffset.UnixEpoch, Revision = 1 };
        if (random.Next(5) > 0)
        {
            submission.Answers["q1"] = new StudentAnswer(Choice: "abcd"[random.Next(4)].ToString());
        }
        if (random.Next(5) > 0)
        {
            submission.Answers["q3"] = new StudentAnswer(Truth: random.Next(2) == 0);
        }
        if (random.Next(5) > 0)
        {
            submission.Answers["q5"] = new StudentAnswer(Text: "存储程序");
            if (random.Next(3) > 0)
            {
                submission.Marks["q5"] = random.Next(0, 41) / 4m;
            }
        }
        return submission;
    }

    /// <summary>The points by hand: right choice, right truth, and the mark (a blank or unmarked short answer adds nothing yet).</summary>
    private static decimal Score(HomeworkSubmission submission) =>
        (submission.Answers.GetValueOrDefault("q1")?.Choice == "b" ? 2 : 0)
        + (submission.Answers.GetValueOrDefault("q3")?.Truth == true ? 1 : 0)
        + submission.Marks.GetValueOrDefault("q5");

    private static ResultGroup Expected(HomeworkClass found, IReadOnlyList<Student> students)
    {
        var members = students.Where(student => student.ClassId == found.ClassId).ToList();
        var scores = members.Where(student => student.Submission is not null).Select(student => Score(student.Submission!)).ToArray();
        if (scores.Length == 0)
        {
            return new ResultGroup(found.ClassId, found.Name, members.Count, 0, null, null, null, null);
        }
        Array.Sort(scores);
        var middle = scores.Length / 2;
        var median = scores.Length % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2;
        decimal total = 0;
        foreach (var score in scores)
        {
            total += score;
        }
        return new ResultGroup(found.ClassId, found.Name, members.Count, scores.Length,
            Math.Round(total / scores.Length, 2, MidpointRounding.AwayFromZero), Math.Round(median, 2, MidpointRounding.AwayFromZero),
            scores[^1], scores[0]);
    }
}
