namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// Statistics over the students who submitted: mean and median score, per question the share of those students who
/// got full points, and a score distribution in buckets of a tenth of the maximum (lowest first).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ResultStats")]
public sealed record ResultStats(
    [property: Id(0)] decimal Mean,
    [property: Id(1)] decimal Median,
    [property: Id(2)] IReadOnlyDictionary<string, decimal> PerQuestionCorrectRate,
    [property: Id(3)] IReadOnlyList<int> Distribution);
