namespace Collab.Grains.Interfaces.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.AnswerSaved")]
public sealed record AnswerSaved(
    [property: Id(0)] DateTimeOffset SavedAt);
