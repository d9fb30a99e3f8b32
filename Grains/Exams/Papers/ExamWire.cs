using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class ExamWire
{
    public static object? Answer(string kind, StudentAnswer answer) => throw new NotImplementedException();

    public static object Question(PaperQuestion question) => throw new NotImplementedException();
}
