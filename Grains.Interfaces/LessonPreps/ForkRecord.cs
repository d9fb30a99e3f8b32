namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>A personal copy made of a plan, as the group sees it on the original: who forked, and whether they reflected yet.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.ForkRecord")]
public sealed record ForkRecord(
    [property: Id(0)] string ForkId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool Reflected);
