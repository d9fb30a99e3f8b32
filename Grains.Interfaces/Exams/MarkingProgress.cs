namespace Collab.Grains.Interfaces.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.MarkingProgress")]
public sealed record MarkingProgress(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] int Answers,
    [property: Id(2)] int Settled,
    [property: Id(3)] int AwaitingArbitration);
