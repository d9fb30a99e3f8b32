using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;
using Collab.Grains.Interfaces.Homework;

namespace Collab.Grains.Homework;

/// <summary>
/// What each caller sees of a homework (PROTOCOL §8, §5): its teachers see the questions as written, keys and
/// references included; a student sees questions without keys (<see cref="StudentQuestion"/> has no field for one) and
/// their own submission, and only after the due time the keys, their points and their score. Before it, a student
/// learns nothing of right or wrong, which a resubmission could otherwise use to find the keys.
/// </summary>
public static class HomeworkViews
{
    public static object For(HomeworkDocument homework, Caller caller, DateTimeOffset now)
    {
        var sheet = homework.Sheet;
        var summary = homework.Summary(caller, now);
        if (homework.IsStaff(caller))
        {
            return new
            {
                summary.Id, summary.Title, summary.Subject, summary.DueAt, summary.Status, summary.SetterId, summary.SetterName, summary.Classes,
                summary.MaxScore, summary.MyClassIds, summary.ServerNow, Role = "teacher",
                Questions = sheet.Questions.Select(ExamWire.Question).ToList(),
            };
        }
        var pastDue = homework.IsPastDue(now);
        var submission = homework.SubmissionOf(caller.UserId);
        return new
        {
            summary.Id, summary.Title, summary.Subject, summary.DueAt, summary.Status, summary.SetterId, summary.SetterName, summary.MaxScore,
            summary.MyClassIds, summary.ServerNow, Role = "student",
            Questions = sheet.Questions.Select(question => new StudentQuestion(question.Id, question.Kind, question.Points, question.Stem, question.Options, question.Blanks)).ToList(),
            Keys = pastDue ? sheet.Questions.Where(question => question.Kind != QuestionKinds.Short).ToDictionary(question => question.Id, ExamWire.Key) : null,
            MySubmission = submission is null ? null : new
            {
                submission.SubmittedAt,
                submission.Revision,
                Answers = submission.Answers.ToDictionary(entry => entry.Key, entry => ExamWire.Answer(sheet.Questions.Find(q => q.Id == entry.Key)!.Kind, entry.Value)),
            },
            MyResult = pastDue && submission is not null
                ? HomeworkScoring.Line(sheet.Questions, caller.UserId, caller.Name, submission.ClassId, submission)
                : null,
        };
    }
}
