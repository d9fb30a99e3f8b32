using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class ResultStatistics
{
    public static ResultStats Compute(IReadOnlyList<StudentResult> students, IReadOnlyList<PaperQuestion> questions) =>
        throw new NotImplementedException();
}
