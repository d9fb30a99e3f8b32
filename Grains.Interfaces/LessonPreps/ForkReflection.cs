namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>
/// What a personal copy tells its original of its after-class reflection (课后反思): the section's plain text as of the
/// copy's <see cref="Revision"/>, which orders reports, so that a resend or a late one changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.ForkReflection")]
public sealed record ForkReflection(
    [property: Id(0)] string ForkId,
    [property: Id(1)] string Text,
    [property: Id(2)] long Revision,
    [property: Id(3)] DateTimeOffset At);
