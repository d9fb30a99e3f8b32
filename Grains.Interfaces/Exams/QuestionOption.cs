namespace Collab.Grains.Interfaces.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.QuestionOption")]
public sealed record QuestionOption(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text);
