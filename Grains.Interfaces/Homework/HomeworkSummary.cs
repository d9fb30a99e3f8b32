namespace Collab.Grains.Interfaces.Homework;

/// <summary>
/// A homework's line on a home list. <see cref="SubmittedAt"/> is the calling student's last submission (null for
/// teachers and for a student who has not submitted); <see cref="MyClassIds"/> the caller's classes among its classes.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkSummary")]
public sealed record HomeworkSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Subject,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] string Status,
    [property: Id(5)] string SetterId,
    [property: Id(6)] string SetterName,
    [property: Id(7)] IReadOnlyList<HomeworkClass> Classes,
    [property: Id(8)] int QuestionCount,
    [property: Id(9)] decimal MaxScore,
    [property: Id(10)] DateTimeOffset? SubmittedAt,
    [property: Id(11)] IReadOnlyList<string> MyClassIds,
    [property: Id(12)] DateTimeOffset ServerNow);
