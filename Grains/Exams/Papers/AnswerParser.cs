using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class AnswerParser
{
    public static StudentAnswer Parse(PaperQuestion question, string answerJson) => throw new NotImplementedException();
}
