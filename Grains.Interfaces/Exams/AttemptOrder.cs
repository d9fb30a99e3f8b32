namespace Collab.Grains.Interfaces.Exams;

/// <summary>One candidate's order of questions and, per choice question, of its options; drawn once and kept.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.AttemptOrder")]
public sealed record AttemptOrder(
    [property: Id(0)] IReadOnlyList<string> QuestionIds,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<string>> OptionIds);
