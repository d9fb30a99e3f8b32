namespace Collab.Grains.Interfaces.Exams;

/// <summary>One entry of an exam's irregularity log (考场记录): who did what to which candidate, when and why.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.Irregularity")]
public sealed record Irregularity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string StudentId,
    [property: Id(2)] string Kind,
    [property: Id(3)] int Minutes,
    [property: Id(4)] string Cause,
    [property: Id(5)] string ByUserId);
