using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class ExamSpecParser
{
    public static ExamSpec Parse(string json) => throw new NotImplementedException();
}
