namespace Collab.Grains.Interfaces.Exams.Analysis;

/// <summary>
/// Item analysis of one question over the submitted attempts (PROTOCOL §7): how many answered it, its difficulty (the
/// mean share of its points scored, 0 to 1) and discrimination (the upper 27 %'s mean share minus the lower 27 %'s, by
/// total score, −1 to 1), and for choice questions how often each option was chosen. Difficulty and discrimination are
/// null while nothing (or, for discrimination, fewer than two attempts) is scored.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.QuestionAnalysis")]
public sealed record QuestionAnalysis(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] string Kind,
    [property: Id(2)] decimal MaxPoints,
    [property: Id(3)] int Answered,
    [property: Id(4)] decimal? Difficulty,
    [property: Id(5)] decimal? Discrimination,
    [property: Id(6)] IReadOnlyDictionary<string, int>? OptionCounts);
