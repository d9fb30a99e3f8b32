namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// A candidate's answer to one question, checked against the question's kind: <see cref="Choice"/> (single),
/// <see cref="Choices"/> (multiple), <see cref="Truth"/> (truefalse), <see cref="Blanks"/> (fill), <see cref="Text"/> (short).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.StudentAnswer")]
public sealed record StudentAnswer(
    [property: Id(0)] string? Choice = null,
    [property: Id(1)] IReadOnlyList<string>? Choices = null,
    [property: Id(2)] bool? Truth = null,
    [property: Id(3)] IReadOnlyList<string>? Blanks = null,
    [property: Id(4)] string? Text = null);
