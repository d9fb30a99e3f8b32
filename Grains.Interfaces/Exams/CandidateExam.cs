namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// One line of a student's exam list (GET /api/me/exams): the exam as its candidate may know it before starting.
/// <see cref="Status"/> is the student's: <c>published</c> before it opens, <c>open</c> while they may still start
/// (until <see cref="JoinClosesAt"/>), then <c>closed</c>, or <c>results_published</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.CandidateExam")]
public sealed record CandidateExam(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset OpensAt,
    [property: Id(5)] int DurationMinutes,
    [property: Id(6)] DateTimeOffset JoinClosesAt);
