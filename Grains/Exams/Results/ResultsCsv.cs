using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class ResultsCsv
{
    public static string Write(IReadOnlyList<StudentResult> students, IReadOnlyList<PaperQuestion> questions) =>
        throw new NotImplementedException();
}
