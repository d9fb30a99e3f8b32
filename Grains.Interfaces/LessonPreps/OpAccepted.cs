namespace Collab.Grains.Interfaces.LessonPreps;

/// <summary>The answer to <c>SubmitOp</c>: the document revision the op became, once durable.</summary>
[GenerateSerializer, Immutable, Alias("collab.lessonprep.OpAccepted")]
public sealed record OpAccepted([property: Id(0)] long Revision);
