namespace Collab.Grains.Interfaces.Exams.Analysis;

/// <summary>
/// What a submitted attempt answered, for item analysis: per question answered, the options chosen (single and
/// multiple), <c>"true"</c> or <c>"false"</c> (truefalse), or nothing (fill and short). Empty before submission.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.AttemptResponses")]
public sealed record AttemptResponses(
    [property: Id(0)] string StudentId,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<string>> Choices);
