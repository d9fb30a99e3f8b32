using Collab.Grains.Interfaces.Classrooms;
using Collab.Grains.Interfaces.Common;
using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Classrooms;

/// <summary>
/// The tally of one question per class (PROTOCOL §8). Counts are keyed by what a hand can show: an option id for
/// single and multiple (a multiple answer counts once under each option it chose), <c>true</c>/<c>false</c> for
/// truefalse, <c>correct</c>/<c>wrong</c> for fill. A teacher's count of a single or truefalse question is by option;
/// of a multiple or fill question, by <c>correct</c>/<c>wrong</c>, since a show of hands cannot tell combinations.
/// A class whose teacher sent a count counts that count instead of its devices.
/// </summary>
public static class TallyMaths
{
    public const string CorrectKey = "correct";
    public const string WrongKey = "wrong";

    public static ClassTally ForClass(PaperQuestion question, string classId, IEnumerable<RecordedAnswer> answers, IReadOnlyDictionary<string, int>? count)
    {
        if (count is not null)
        {
            return FromCount(question, classId, count);
        }
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var answered = 0;
        var correct = 0;
        foreach (var answer in answers)
        {
            answered++;
            if (answer.Correct)
            {
                correct++;
            }
            foreach (var key in KeysOf(question, answer))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return new ClassTally(classId, answered, correct, counts, false);
    }

    public static ClassTally FromCount(PaperQuestion question, string classId, IReadOnlyDictionary<string, int> count)
    {
        var sorted = new SortedDictionary<string, int>(count.ToDictionary(), StringComparer.Ordinal);
        if (ByCorrectness(question.Kind))
        {
            var right = count.GetValueOrDefault(CorrectKey);
            return new ClassTally(classId, right + count.GetValueOrDefault(WrongKey), right, sorted, true);
        }
        var keyed = question.Kind == QuestionKinds.Single ? question.Key!.Choice! : Truth(question.Key!.Truth!.Value);
        return new ClassTally(classId, count.Values.Sum(), count.GetValueOrDefault(keyed), sorted, true);
    }

    public static TallyTotal Total(IEnumerable<ClassTally> perClass)
    {
        var answered = 0;
        var correct = 0;
        foreach (var tally in perClass)
        {
            answered += tally.Answered;
            correct += tally.Correct;
        }
        return new TallyTotal(answered, correct);
    }

    public static double CorrectRate(ClassTally tally) => tally.Answered == 0 ? 0 : Math.Round((double)tally.Correct / tally.Answered, 4);

    /// <summary>The keys a teacher's count of this question may use; each value from 0 to <see cref="ClassroomLimits.CountMax"/>, all of them at most that together.</summary>
    public static IReadOnlyList<string> CountKeys(PaperQuestion question) => question.Kind switch
    {
        QuestionKinds.Single => question.Options.Select(option => option.Id).ToList(),
        QuestionKinds.TrueFalse => [Truth(true), Truth(false)],
        _ => [CorrectKey, WrongKey],
    };

    public static void CheckCount(PaperQuestion question, IReadOnlyDictionary<string, int>? count)
    {
        if (count is null || count.Count == 0)
        {
            throw CollabException.Invalid("counts must name at least one of " + string.Join(", ", CountKeys(question)));
        }
        var keys = CountKeys(question);
        foreach (var (key, value) in count)
        {
            if (!keys.Contains(key))
            {
                throw CollabException.Invalid($"counts of question {question.Id} ({question.Kind}) are keyed by {string.Join(", ", keys)}, not \"{key}\"");
            }
            if (value < 0 || value > ClassroomLimits.CountMax)
            {
                throw CollabException.Invalid($"the count of {key} must be from 0 to {ClassroomLimits.CountMax}");
            }
        }
        if (count.Values.Sum() > ClassroomLimits.CountMax)
        {
            throw CollabException.Invalid($"the counts add up to more than {ClassroomLimits.CountMax}");
        }
    }

    private static bool ByCorrectness(string kind) => kind is QuestionKinds.Multiple or QuestionKinds.Fill;

    private static string Truth(bool value) => value ? "true" : "false";

    private static IEnumerable<string> KeysOf(PaperQuestion question, RecordedAnswer recorded) => question.Kind switch
    {
        QuestionKinds.Single => recorded.Answer.Choice is { } choice ? [choice] : [],
        QuestionKinds.Multiple => recorded.Answer.Choices ?? [],
        QuestionKinds.TrueFalse => recorded.Answer.Truth is { } truth ? [Truth(truth)] : [],
        _ => [recorded.Correct ? CorrectKey : WrongKey],
    };
}
