namespace Collab.Grains.Interfaces.LessonPreps;

[GenerateSerializer, Immutable, Alias("collab.lessonprep.VersionSaved")]
public sealed record VersionSaved([property: Id(0)] string VersionId);
