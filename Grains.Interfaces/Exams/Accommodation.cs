namespace Collab.Grains.Interfaces.Exams;

/// <summary>A student's extra minutes granted ahead of the exam (an accommodation, PROTOCOL §7): who set them and when.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.Accommodation")]
public sealed record Accommodation(
    [property: Id(0)] string StudentId,
    [property: Id(1)] int ExtraMinutes,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At);
