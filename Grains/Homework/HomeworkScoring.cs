using Collab.Grains.Exams;
using Collab.Grains.Exams.Analysis;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Exams.Analysis;
using Collab.Grains.Interfaces.Homework;

namespace Collab.Grains.Homework;

/// <summary>
/// A submission's points, by the exam engine's <see cref="Grader"/> for objective questions and by the class teacher's
/// mark for short ones (a blank short answer scores 0 and needs no marker), and the results per class by the exam
/// analysis' <see cref="ResultGroups"/>, so homework and exams count a mean or a median the same way.
/// </summary>
public static class HomeworkScoring
{
    /// <summary>The points of one answer; null while a short answer waits for its mark.</summary>
    public static decimal? Points(PaperQuestion question, HomeworkSubmission submission)
    {
        var answer = submission.Answers.GetValueOrDefault(question.Id);
        if (question.Kind != QuestionKinds.Short)
        {
            return Grader.Grade(question, answer);
        }
        if (answer?.Text is null)
        {
            return 0;
        }
        return submission.Marks.TryGetValue(question.Id, out var marked) ? marked : null;
    }

    /// <summary>Whether this answer waits for a teacher's mark.</summary>
    public static bool AwaitsMark(PaperQuestion question, HomeworkSubmission submission) =>
        question.Kind == QuestionKinds.Short && Points(question, submission) is null;

    public static StudentResult Line(IReadOnlyList<PaperQuestion> questions, string studentId, string name, string classId, HomeworkSubmission? submission)
    {
        var maxScore = Grader.MaxScore(questions);
        if (submission is null)
        {
            return new StudentResult(studentId, name, AttemptStatuses.Absent, 0, maxScore, 0, new Dictionary<string, decimal>(), ClassId: classId);
        }
        var perQuestion = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var pending = 0;
        foreach (var question in questions)
        {
            if (Points(question, submission) is { } points)
            {
                perQuestion[question.Id] = points;
            }
            else
            {
                pending++;
            }
        }
        return new StudentResult(studentId, name, AttemptStatuses.Submitted, perQuestion.Values.Sum(), maxScore, pending, perQuestion, ClassId: classId);
    }

    /// <summary>One group per class, in <paramref name="classes"/>' order, over every student's line (absent ones count, but not in the scores).</summary>
    public static IReadOnlyList<ResultGroup> PerClass(IReadOnlyList<HomeworkClass> classes, IReadOnlyList<StudentResult> lines)
    {
        var names = classes.ToDictionary(found => found.ClassId, found => found.Name, StringComparer.Ordinal);
        var groups = ResultGroups.By(lines, line => new ResultGrouping.Group(line.ClassId ?? "", names.GetValueOrDefault(line.ClassId ?? "", "")))
            .ToDictionary(group => group.Key, StringComparer.Ordinal);
        return classes.Select(found => groups.GetValueOrDefault(found.ClassId) ?? new ResultGroup(found.ClassId, found.Name, 0, 0, null, null, null, null)).ToList();
    }
}
