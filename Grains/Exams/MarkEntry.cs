namespace Collab.Grains.Exams;

[GenerateSerializer, Immutable, Alias("collab.exams.MarkEntry")]
public sealed record MarkEntry(
    [property: Id(0)] string MarkerId,
    [property: Id(1)] decimal Points,
    [property: Id(2)] DateTimeOffset At);
