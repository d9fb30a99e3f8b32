using Collab.Grains.Interfaces.Exams.Regrading;

namespace Collab.Grains.Interfaces.Exams;

/// <summary>The results (PROTOCOL §5), with every key change that regraded them since publishing (§7).</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ExamResults")]
public sealed record ExamResults(
    [property: Id(0)] IReadOnlyList<StudentResult> Students,
    [property: Id(1)] ResultStats Stats,
    [property: Id(2)] IReadOnlyList<Regrade> Regrades);
