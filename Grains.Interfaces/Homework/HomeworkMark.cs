namespace Collab.Grains.Interfaces.Homework;

/// <summary>A class teacher's points for one student's answer to one short question (body of <c>POST /api/homework/{id}/marks</c>).</summary>
[GenerateSerializer, Immutable, Alias("collab.homework.HomeworkMark")]
public sealed record HomeworkMark(
    [property: Id(0)] string StudentId,
    [property: Id(1)] string QuestionId,
    [property: Id(2)] decimal Points);
