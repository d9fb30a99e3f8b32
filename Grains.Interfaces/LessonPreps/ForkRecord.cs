namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>
/// A personal copy made of a plan, as the group sees it on the original: who forked, whether they reflected yet, and
/// the latest reflection their copy reported (<see cref="Reflection"/> at <see cref="ReflectedAt"/>, of the copy's
/// revision <see cref="ReflectionRevision"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.ForkRecord")]
public sealed record ForkRecord(
    [property: Id(0)] string ForkId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool Reflected,
    [property: Id(230)] string? Reflection = null,
    [property: Id(231)] DateTimeOffset? ReflectedAt = null,
    [property: Id(232)] long ReflectionRevision = 0);
