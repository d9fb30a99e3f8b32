namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// The key of one question, typed by kind: <see cref="Choice"/> for single, <see cref="Choices"/> for multiple,
/// <see cref="Truth"/> for truefalse, <see cref="Accepted"/> (accepted answers per blank) for fill. Short answers have none.
/// Never part of anything a student receives.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.AnswerKey")]
public sealed record AnswerKey(
    [property: Id(0)] string? Choice = null,
    [property: Id(1)] IReadOnlyList<string>? Choices = null,
    [property: Id(2)] bool? Truth = null,
    [property: Id(3)] IReadOnlyList<IReadOnlyList<string>>? Accepted = null);
