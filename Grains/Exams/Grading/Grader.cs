using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class Grader
{
    public static decimal? Grade(PaperQuestion question, StudentAnswer? answer) => throw new NotImplementedException();

    public static decimal MaxScore(IReadOnlyList<PaperQuestion> questions) => throw new NotImplementedException();
}
