namespace Collab.Grains.Interfaces.Exams;

/// <summary>One line of an author's exam list: enough to pick the exam and see where it stands.</summary>
[GenerateSerializer, Immutable, Alias("collab.exams.ExamSummary")]
public sealed record ExamSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset OpensAt,
    [property: Id(5)] int DurationMinutes,
    [property: Id(6)] int Questions,
    [property: Id(7)] int Candidates,
    [property: Id(8)] DateTimeOffset CreatedAt);
