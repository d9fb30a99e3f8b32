namespace Collab.Grains.Interfaces.Exams;

/// <summary>
/// What an attempt keeps of its exam: schedule, shuffling, marking, and the student's name as the directory gave it at
/// publishing (null when it does not hold them: the token's name is taken); the paper is fetched, not copied.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.exams.CandidatePlan")]
public sealed record CandidatePlan(
    [property: Id(0)] string ExamId,
    [property: Id(1)] string AuthorId,
    [property: Id(2)] DateTimeOffset OpensAt,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] int LateJoinMinutes,
    [property: Id(5)] bool ShuffleQuestions,
    [property: Id(6)] bool ShuffleOptions,
    [property: Id(7)] MarkingPolicy Marking,
    [property: Id(8)] string? StudentName = null);
