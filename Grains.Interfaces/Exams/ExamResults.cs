namespace Collab.Grains.Interfaces.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.ExamResults")]
public sealed record ExamResults(
    [property: Id(0)] IReadOnlyList<StudentResult> Students,
    [property: Id(1)] ResultStats Stats);
