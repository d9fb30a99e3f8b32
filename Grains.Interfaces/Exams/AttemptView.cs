namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// What <c>StartAttempt</c> returns to the student: their paper in their order (no keys by type), their saved
/// answers in the protocol's shapes (as JSON text, one per question id), the deadline and the server's clock; once
/// submitted, how (<see cref="SubmitReason"/>: student, deadline or proctor) and the proctor's reason, if they gave one.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.AttemptView")]
public sealed record AttemptView(
    [property: Id(0)] string Status,
    [property: Id(1)] IReadOnlyList<StudentQuestion> Paper,
    [property: Id(2)] IReadOnlyDictionary<string, string> AnswersJson,
    [property: Id(3)] DateTimeOffset? Deadline,
    [property: Id(4)] DateTimeOffset ServerNow,
    [property: Id(5)] DateTimeOffset? StartedAt,
    [property: Id(6)] DateTimeOffset? SubmittedAt,
    [property: Id(7)] long Seq,
    [property: Id(240)] string? SubmitReason = null,
    [property: Id(241)] string? SubmitCause = null);
