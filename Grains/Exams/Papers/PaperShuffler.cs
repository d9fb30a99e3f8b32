using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class PaperShuffler
{
    public static AttemptOrder Draw(string examId, string studentId, IReadOnlyList<PaperQuestion> questions,
        bool shuffleQuestions, bool shuffleOptions) => throw new NotImplementedException();

    public static IReadOnlyList<StudentQuestion> StudentPaper(IReadOnlyList<PaperQuestion> questions, AttemptOrder order) =>
        throw new NotImplementedException();
}
