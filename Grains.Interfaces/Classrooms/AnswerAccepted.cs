namespace Collab.Grains.Interfaces.Classrooms;

/// <summary>The result of <c>Answer</c> and <c>SubmitTally</c>: the time the server stored it.</summary>
[GenerateSerializer, Immutable, Alias("collab.classrooms.AnswerAccepted")]
public sealed record AnswerAccepted([property: Id(0)] DateTimeOffset AcceptedAt);
