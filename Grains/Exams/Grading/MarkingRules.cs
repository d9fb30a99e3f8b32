using Collab.Grains.Interfaces.Exams;

namespace Collab.Grains.Exams;

public static class MarkingRules
{
    public static MarkingOutcome Resolve(MarkingPolicy policy, IReadOnlyList<decimal> marks, decimal? arbitration) =>
        throw new NotImplementedException();
}
