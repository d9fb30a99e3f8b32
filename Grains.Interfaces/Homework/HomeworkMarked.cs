namespace Collab.Grains.Interfaces.Homework;

[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkMarked")]
public sealed record HomeworkMarked(
    [property: Id(0)] DateTimeOffset MarkedAt,
    [property: Id(1)] int Remaining);
