namespace Collab.Grains.Interfaces.Exams;

/// <summary>A question as a candidate sees it: options in this candidate's order, and no key or reference by construction.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.StudentQuestion")]
public sealed record StudentQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] decimal Points,
    [property: Id(3)] string Stem,
    [property: Id(4)] IReadOnlyList<QuestionOption> Options,
    [property: Id(5)] int Blanks);
