namespace Collab.Grains.Interfaces.Exams.Regrading;

/// <summary>
/// One line of an exam's audit log (PROTOCOL §7): a key change, a mark, or an arbitration (the mark that overrides
/// two disputed ones). <see cref="Detail"/> is a sentence for people; the other fields are for filtering. Marks name
/// the attempt by its anonymous reference, never the student.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Action,
    [property: Id(3)] string Detail,
    [property: Id(4)] string QuestionId,
    [property: Id(5)] string? AttemptRef = null,
    [property: Id(6)] decimal? Points = null,
    [property: Id(7)] string? Reason = null);
