namespace Collab.Grains.Interfaces.Homework;

/// <summary>
/// One short answer to mark: the student (a class teacher knows their own students), the answer, the question's
/// reference and points, and how many answers to this question are left unmarked in the caller's classes, this one included.
/// </summary>
[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkMarkingTask")]
public sealed record HomeworkMarkingTask(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string ClassId,
    [property: Id(3)] string QuestionId,
    [property: Id(4)] string Stem,
    [property: Id(5)] string Answer,
    [property: Id(6)] string? Reference,
    [property: Id(7)] decimal Points,
    [property: Id(8)] int Remaining);
