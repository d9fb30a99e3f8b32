namespace Collab.Grains.Interfaces.Homework;

/// <summary>A submission made durable: when, and how many times this student has submitted (the first is 1).</summary>
[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkSubmitted")]
public sealed record HomeworkSubmitted(
    [property: Id(0)] DateTimeOffset SubmittedAt,
    [property: Id(1)] int Revision);
