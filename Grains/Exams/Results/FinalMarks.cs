using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

/// <summary>
/// A student's result with the settled marks of the short answers put in: the attempt graded the objective questions
/// at submission and left each short answer it saw given as pending; a settled mark replaces the pending one.
/// </summary>
public static class FinalMarks
{
    /// <param name="marked">Settled marks by question id and then student id.</param>
    public static StudentResult Apply(StudentResult result, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> marked)
    {
        var perQuestion = new Dictionary<string, decimal>(result.PerQuestion);
        var pending = result.PendingMarking;
        foreach (var (questionId, finals) in marked)
        {
            if (finals.TryGetValue(result.StudentId, out var points))
            {
                perQuestion[questionId] = points;
                pending--;
            }
        }
        return result with
        {
            Score = perQuestion.Values.Sum(),
            PendingMarking = Math.Max(0, pending),
            PerQuestion = perQuestion,
        };
    }
}
