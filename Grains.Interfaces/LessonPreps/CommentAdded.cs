namespace Collab.Grains.Interfaces.LessonPreps;

[GenerateSerializer, Immutable, Alias("collab.lessonprep.CommentAdded")]
public sealed record CommentAdded([property: Id(0)] string CommentId);
